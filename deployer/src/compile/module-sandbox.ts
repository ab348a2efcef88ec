import { readFileSync } from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { isMainThread } from 'node:worker_threads'
import { AblaufError } from '@ablauf/sdk/errors'
import { resolveRelative } from './repo-layout.js'
import { originalPosition, type TranspiledModule } from './transpile-module.js'

/** What the sandbox needs from its caller. */
export interface SandboxOptions {
  /** Modules a process module may import by name: `@ablauf/sdk` and its subpaths, as the host loaded them. */
  hostModules: Readonly<Record<string, unknown>>
  /** The process repository; relative imports must stay inside it. */
  rootDir: string
  /** How long evaluating one module may take. */
  timeoutMs: number
  /** The CommonJS code of a TypeScript file of the repository. */
  transpile: (file: string) => TranspiledModule
  /** Where `console.*` calls of a module go. */
  onConsole?: (level: string, args: unknown[]) => void
}

/** Where an evaluation failed, in the TypeScript source (1-based), when known. */
export interface EvaluationFailureDetails extends Record<string, unknown> {
  issue: 'MODULE_FORBIDDEN' | 'MODULE_NOT_FOUND' | 'EVAL_TIMEOUT' | 'EVAL_FAILED'
  file: string
  line?: number
  col?: number
  /** The import specifier, for import failures. */
  specifier?: string
}

/** What evaluating one process module gave: its exports, or why it failed. */
export type SandboxOutcome =
  | { ok: true; exports: unknown; loaded: string[] }
  | { ok: false; error: EvaluationFailure; loaded: string[] }

/** The error of a failed evaluation, with {@link EvaluationFailureDetails}. */
export type EvaluationFailure = AblaufError & { details: EvaluationFailureDetails }

/** Evaluates process modules; one sandbox per build, so shared helpers are evaluated once. */
export interface ModuleSandbox {
  /** Evaluates each of `files` (and what it imports) and tells, by file, what it exported or why it failed. */
  evaluateAll(files: readonly string[]): Map<string, SandboxOutcome>
}

interface CjsModule {
  exports: unknown
  /** False while the module's code runs (or when a time limit cut it off). */
  done: boolean
}

type ModuleFunction = (exports: unknown, require: (specifier: string) => unknown, module: CjsModule, filename: string, dirname: string) => void

const WRAPPER = '(function (exports, require, module, __filename, __dirname) {\n'
const RUN = '__ablaufRunBatch'

function failure(message: string, details: EvaluationFailureDetails, cause?: unknown): EvaluationFailure {
  return new AblaufError('COMPILE_FAILED', message, details, { cause }) as EvaluationFailure
}

function fail(message: string, details: EvaluationFailureDetails): never {
  throw failure(message, details)
}

/**
 * A `node:vm` context with the ECMAScript built-ins only: no `process`, no timers, no `fetch`, and a
 * `require` that knows `@ablauf/sdk` (the host's copy) and relative modules of the repository,
 * nothing else. A time limit per module stops endless loops. This guards against mistakes, not
 * against hostile code: node:vm is no security boundary (the engine re-validates every definition
 * and no code travels in one).
 *
 * Modules are evaluated in batches under one time limit each, because every timed `runInContext`
 * starts a watchdog thread (half a millisecond per module). The first module of a batch has the
 * whole limit; the next starts only while at least half of it is left, and a module cut off by the
 * time its batch-mates used is evaluated again at the start of a batch of its own.
 */
export function createModuleSandbox(options: SandboxOptions): ModuleSandbox {
  const context = vm.createContext(
    { console: sandboxConsole(options.onConsole) },
    { codeGeneration: { strings: false, wasm: false }, microtaskMode: 'afterEvaluate' },
  )
  const driver = new vm.Script(`${RUN}()`, { filename: 'ablauf-sandbox' })
  const cache = new Map<string, CjsModule>()
  const transpiled = new Map<string, TranspiledModule>()

  const load = (modFile: string, loaded: Set<string>): unknown => {
    loaded.add(modFile)
    const cached = cache.get(modFile)
    if (cached) return cached.exports
    const mod: CjsModule = { exports: {}, done: false }
    cache.set(modFile, mod)
    try {
      if (modFile.endsWith('.json')) {
        mod.exports = JSON.parse(readFileSync(modFile, 'utf8')) as unknown
      } else {
        const js = options.transpile(modFile)
        transpiled.set(modFile, js)
        // Evaluating the wrapper only makes the function; the batch's time limit covers calling it.
        const fn = new vm.Script(`${WRAPPER}${js.code}\n})`, { filename: modFile }).runInContext(context) as ModuleFunction
        fn.call(mod.exports, mod.exports, requireFrom(modFile, loaded), mod, modFile, path.dirname(modFile))
      }
      mod.done = true
      return mod.exports
    } catch (err) {
      cache.delete(modFile)
      throw err
    }
  }

  const requireFrom = (importer: string, loaded: Set<string>) => (specifier: string): unknown => {
    if (Object.hasOwn(options.hostModules, specifier)) return options.hostModules[specifier]
    if (!specifier.startsWith('./') && !specifier.startsWith('../')) {
      fail(`module imports "${specifier}": process modules may import only @ablauf/sdk and relative modules`, {
        issue: 'MODULE_FORBIDDEN',
        file: importer,
        specifier,
      })
    }
    const resolved = resolveRelative(path.dirname(importer), specifier)
    const rel = resolved && path.relative(options.rootDir, resolved)
    if (resolved === undefined || rel === undefined || rel.startsWith('..') || path.isAbsolute(rel)) {
      fail(`cannot find module "${specifier}" inside the process repository`, { issue: 'MODULE_NOT_FOUND', file: importer, specifier })
    }
    return load(resolved, loaded)
  }

  const attempt = (file: string): SandboxOutcome => {
    const loaded = new Set<string>()
    try {
      const exports = load(file, loaded)
      return { ok: true, exports, loaded: [...loaded] }
    } catch (err) {
      if (isEvaluationFailure(err)) return { ok: false, error: err, loaded: [file] }
      const at = locateThrow(err, transpiled)
      const error = failure(`evaluating the module threw: ${describeThrown(err)}`, { issue: 'EVAL_FAILED', file: at?.file ?? file, ...at?.position }, err)
      return { ok: false, error, loaded: [file] }
    }
  }

  return {
    evaluateAll(files) {
      const out = new Map<string, SandboxOutcome>()
      let next = 0
      while (next < files.length) {
        const first = next
        const started = performance.now()
        ;(context as Record<string, unknown>)[RUN] = (): void => {
          for (; next < files.length && (next === first || performance.now() - started < options.timeoutMs / 2); next++) {
            const file = files[next] as string
            out.set(file, attempt(file))
          }
        }
        try {
          // Ctrl-C belongs to the main thread: a SIGINT watchdog in a worker thread takes over the
          // process's handler and, when it ends, leaves SIGINT killing the process.
          driver.runInContext(context, { timeout: options.timeoutMs, breakOnSigint: isMainThread })
        } catch (err) {
          if (!isTimeout(err)) throw err
          // Modules cut off halfway must run again from the start when imported again.
          for (const [f, m] of cache) if (!m.done) cache.delete(f)
          const file = files[next] as string
          if (next === first) {
            const error = failure(`evaluating the module took longer than ${options.timeoutMs} ms (an endless loop?)`, { issue: 'EVAL_TIMEOUT', file })
            out.set(file, { ok: false, error, loaded: [file] })
            next += 1
          }
        }
      }
      ;(context as Record<string, unknown>)[RUN] = undefined
      return out
    },
  }
}

/** True for the errors a {@link ModuleSandbox} throws (checked by shape, not class). */
export function isEvaluationFailure(err: unknown): err is EvaluationFailure {
  if (typeof err !== 'object' || err === null || (err as { code?: unknown }).code !== 'COMPILE_FAILED') return false
  const details = (err as { details?: unknown }).details
  return typeof details === 'object' && details !== null && typeof (details as { issue?: unknown }).issue === 'string'
}

function isTimeout(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT'
}

function describeThrown(err: unknown): string {
  if (typeof err === 'object' && err !== null && typeof (err as { message?: unknown }).message === 'string') {
    const name = (err as { name?: unknown }).name
    const message = (err as { message: string }).message
    return typeof name === 'string' && name !== 'Error' ? `${name}: ${message}` : message
  }
  return String(err)
}

/** The first stack frame in a module of the repository, mapped back to its TypeScript line. */
function locateThrow(
  err: unknown,
  transpiled: ReadonlyMap<string, TranspiledModule>,
): { file: string; position?: { line: number; col: number } } | undefined {
  const stack = typeof err === 'object' && err !== null ? (err as { stack?: unknown }).stack : undefined
  if (typeof stack !== 'string') return undefined
  for (const m of stack.matchAll(/\(?([^\s()]+):(\d+):(\d+)\)?$/gm)) {
    const mod = transpiled.get(m[1] ?? '')
    if (!mod) continue
    // Line 1 of the script is the wrapper's header.
    const pos = originalPosition(mod, Number(m[2]) - 2, Number(m[3]) - 1)
    return pos ? { file: mod.file, position: { line: pos.line + 1, col: pos.col + 1 } } : { file: mod.file }
  }
  return undefined
}

function sandboxConsole(sink: SandboxOptions['onConsole']): Record<string, (...args: unknown[]) => void> {
  const to = (level: string) => (...args: unknown[]): void => sink?.(level, args)
  return { log: to('info'), info: to('info'), warn: to('warn'), error: to('error'), debug: to('debug') }
}
