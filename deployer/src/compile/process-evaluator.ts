import { readFileSync } from 'node:fs'
import type { SourceFile } from 'typescript'
import type { Diagnostic } from './compile-types.js'
import type { ModuleOutcome } from './evaluate-modules.js'
import type { SandboxOptions } from './module-sandbox.js'
import { declarationPosition, findLiteral, type SourcePosition } from './source-locator.js'
import type { TranspiledModule } from './transpile-module.js'
import { displayPath } from './type-diagnostics.js'

/**
 * The builder threw before there was a definition to search: the first quoted name in the message
 * (`transition to "review": no such activity`) that is a string literal of the sources.
 */
function locateByMessage(message: string, sources: readonly SourceFile[]): SourcePosition | undefined {
  for (const m of message.matchAll(/"([^"]+)"/g)) {
    for (const sf of sources) {
      const at = findLiteral(sf, m[1] ?? '')
      if (at) return at
    }
  }
  return undefined
}

/** A process module evaluated: the raw definition it exported, or why that failed. */
export type Evaluation =
  | { ok: true; raw: unknown; parsed: boolean; loaded: string[] }
  | { ok: false; diagnostics: Diagnostic[]; loaded: string[] }

export interface EvaluatorOptions {
  rootDir: string
  cwd: string
  timeoutMs: number
  /** What `@ablauf/sdk` means in the sandbox; default the host's sdk. */
  hostModules?: Readonly<Record<string, unknown>> | undefined
  /** The type-checked source of a file, when the program has it (so both see the same text). */
  sourceFile: (file: string) => SourceFile | undefined
  onConsole?: SandboxOptions['onConsole']
}

/**
 * Evaluates process modules in the sandbox and locates what went wrong in the sources. Transpiled
 * modules are cached by their text, so a watch rebuild transpiles only what changed. The sandbox,
 * the sdk and sucrase are loaded on first use: a cold compile evaluates in its worker instead.
 */
export class ProcessEvaluator {
  readonly #options: EvaluatorOptions
  readonly #transpiled = new Map<string, TranspiledModule>()

  constructor(options: EvaluatorOptions) {
    this.#options = options
  }

  /**
   * Evaluates process modules in a fresh sandbox, in which each module (shared helpers too) is
   * evaluated once; the result of each, by file.
   */
  async evaluateAll(files: readonly string[]): Promise<Map<string, Evaluation>> {
    const o = this.#options
    const [{ evaluateModules }, { transpileModule }, hostModules] = await Promise.all([
      import('./evaluate-modules.js'),
      import('./transpile-module.js'),
      o.hostModules ?? import('./host-sdk-modules.js').then((m) => m.hostSdkModules()),
    ])
    const transpile = (file: string): TranspiledModule => {
      const text = o.sourceFile(file)?.text ?? readFileSync(file, 'utf8')
      const cached = this.#transpiled.get(file)
      if (cached && cached.text === text) return cached
      const mod = transpileModule(file, text)
      this.#transpiled.set(file, mod)
      return mod
    }
    const outcomes = evaluateModules(files, {
      hostModules,
      rootDir: o.rootDir,
      timeoutMs: o.timeoutMs,
      transpile,
      ...(o.onConsole ? { onConsole: o.onConsole } : {}),
    })
    const out = new Map<string, Evaluation>()
    for (const [file, outcome] of outcomes) out.set(file, this.located(file, outcome))
    return out
  }

  /** An outcome of evaluating `file` (here or in the worker), its problems located in the sources. */
  located(file: string, outcome: ModuleOutcome): Evaluation {
    if (outcome.ok) return outcome
    if (outcome.stage === 'evaluate') return this.#fromFailure(file, outcome.message, outcome.details)
    const o = this.#options
    const loaded = outcome.loaded
    if (outcome.issue === 'DEFINITION_INVALID') {
      const sources = loaded.map((f) => o.sourceFile(f)).filter((sf): sf is SourceFile => sf !== undefined)
      const diagnostics = outcome.issues.map((i) =>
        this.#diagnostic(i.code, i.message, locateByMessage(i.message, sources) ?? this.#declaration(file) ?? { file, line: 1, col: 1 }, i.severity),
      )
      return { ok: false, diagnostics, loaded }
    }
    const at = outcome.issue === 'MISSING_DEFAULT_EXPORT' ? undefined : this.#declaration(file)
    return { ok: false, diagnostics: [this.#diagnostic(outcome.issue, outcome.message, at ?? { file, line: 1, col: 1 })], loaded }
  }

  #fromFailure(file: string, message: string, d: Extract<ModuleOutcome, { stage: 'evaluate' }>['details']): Evaluation {
    let at: SourcePosition = { file: d.file, line: d.line ?? 1, col: d.col ?? 1 }
    if (d.specifier !== undefined) {
      const sf = this.#options.sourceFile(d.file)
      at = (sf && findLiteral(sf, d.specifier)) ?? at
    } else if (d.issue === 'EVAL_FAILED' && d.line === undefined) {
      at = this.#declaration(d.file) ?? at
    }
    const via = at.file === file ? '' : ` (while evaluating ${displayPath(this.#options.cwd, file)})`
    return { ok: false, diagnostics: [this.#diagnostic(d.issue, `${message}${via}`, at)], loaded: [file] }
  }

  /** Forgets cached transpilations of files that no longer exist. */
  forget(file: string): void {
    this.#transpiled.delete(file)
  }

  #declaration(file: string): SourcePosition | undefined {
    const sf = this.#options.sourceFile(file)
    return sf ? declarationPosition(sf) : undefined
  }

  #diagnostic(code: string, message: string, at: SourcePosition, severity: 'error' | 'warning' = 'error'): Diagnostic {
    return { file: displayPath(this.#options.cwd, at.file), line: at.line, col: at.col, code, severity, message }
  }
}
