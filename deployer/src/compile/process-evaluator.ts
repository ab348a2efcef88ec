import { readFileSync } from 'node:fs'
import type { SourceFile } from 'typescript'
import type { Diagnostic } from './compile-types.js'
import { definitionFromExports } from './definition-from-module.js'
import { createModuleSandbox, type EvaluationFailure, type SandboxOptions } from './module-sandbox.js'
import { declarationPosition, findLiteral, type SourcePosition } from './source-locator.js'
import { transpileModule, type TranspiledModule } from './transpile-module.js'
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
  | { ok: true; raw: unknown; loaded: string[] }
  | { ok: false; diagnostics: Diagnostic[]; loaded: string[] }

export interface EvaluatorOptions {
  rootDir: string
  cwd: string
  timeoutMs: number
  hostModules: Readonly<Record<string, unknown>>
  /** The type-checked source of a file, when the program has it (so both see the same text). */
  sourceFile: (file: string) => SourceFile | undefined
  onConsole?: SandboxOptions['onConsole']
}

/**
 * Evaluates process modules in the sandbox. Transpiled modules are cached by their text, so a
 * watch rebuild transpiles only what changed.
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
  evaluateAll(files: readonly string[]): Map<string, Evaluation> {
    const o = this.#options
    const sandbox = createModuleSandbox({
      hostModules: o.hostModules,
      rootDir: o.rootDir,
      timeoutMs: o.timeoutMs,
      transpile: (f) => this.#transpile(f),
      ...(o.onConsole ? { onConsole: o.onConsole } : {}),
    })
    const out = new Map<string, Evaluation>()
    for (const [file, outcome] of sandbox.evaluateAll(files)) {
      out.set(file, outcome.ok ? this.#fromExports(file, outcome.exports, outcome.loaded) : this.#fromFailure(file, outcome.error))
    }
    return out
  }

  #fromExports(file: string, exports: unknown, loaded: string[]): Evaluation {
    const o = this.#options
    const extracted = definitionFromExports(exports)
    if (extracted.ok) return { ok: true, raw: extracted.value, loaded }
    if (extracted.issue === 'DEFINITION_INVALID') {
      const sources = loaded.map((f) => o.sourceFile(f)).filter((sf): sf is SourceFile => sf !== undefined)
      const diagnostics = extracted.issues.map((i) =>
        this.#diagnostic(i.code, i.message, locateByMessage(i.message, sources) ?? this.#declaration(file) ?? { file, line: 1, col: 1 }, i.severity),
      )
      return { ok: false, diagnostics, loaded }
    }
    const at = extracted.issue === 'MISSING_DEFAULT_EXPORT' ? undefined : this.#declaration(file)
    return { ok: false, diagnostics: [this.#diagnostic(extracted.issue, extracted.message, at ?? { file, line: 1, col: 1 })], loaded }
  }

  #fromFailure(file: string, err: EvaluationFailure): Evaluation {
    const d = err.details
    let at: SourcePosition = { file: d.file, line: d.line ?? 1, col: d.col ?? 1 }
    if (d.specifier !== undefined) {
      const sf = this.#options.sourceFile(d.file)
      at = (sf && findLiteral(sf, d.specifier)) ?? at
    } else if (d.issue === 'EVAL_FAILED' && d.line === undefined) {
      at = this.#declaration(d.file) ?? at
    }
    const via = at.file === file ? '' : ` (while evaluating ${displayPath(this.#options.cwd, file)})`
    return { ok: false, diagnostics: [this.#diagnostic(d.issue, `${err.message}${via}`, at)], loaded: [file] }
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

  #transpile(file: string): TranspiledModule {
    const text = this.#options.sourceFile(file)?.text ?? readFileSync(file, 'utf8')
    const cached = this.#transpiled.get(file)
    if (cached && cached.text === text) return cached
    const mod = transpileModule(file, text)
    this.#transpiled.set(file, mod)
    return mod
  }
}
