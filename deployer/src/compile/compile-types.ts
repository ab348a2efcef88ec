import type { ProcessDefinition } from '@ablauf/sdk'

/** How bad a diagnostic is; warnings never fail a compile. */
export type Severity = 'error' | 'warning'

/**
 * One located problem. `file` is relative to the compiler's `cwd`; `line` and `col` are 1-based.
 * `code` is `TS2322` for type errors and an Ablauf issue code (`UNKNOWN_QUEUE`, `EVAL_FAILED`, …) otherwise.
 */
export interface Diagnostic {
  file: string
  line: number
  col: number
  code: string
  severity: Severity
  message: string
}

/** A process module that compiled: its canonical definition and content hash. */
export interface CompiledProcess {
  id: string
  hash: string
  /** The source module, relative to the compiler's `cwd`. */
  source: string
  definition: ProcessDefinition
}

/** The result of one compile: every definition that is valid and every diagnostic. */
export interface CompileResult {
  processes: CompiledProcess[]
  diagnostics: Diagnostic[]
  errorCount: number
  warningCount: number
  /** Where canonical JSON was written, or `undefined` when the compiler does not write. */
  outDir: string | undefined
}
