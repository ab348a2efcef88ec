import type { CompileResult, Diagnostic } from './compile-types.js'

/** `file:line:col - error CODE: message`, as tsc prints it. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col} - ${d.severity} ${d.code}: ${d.message}`
}

/** Diagnostics in a stable order: file, line, column, code, message. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic): [string, number, number, string, string] => [d.file, d.line, d.col, d.code, d.message]
  return [...diagnostics].sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    for (let i = 0; i < ka.length; i++) {
      const x = ka[i] as string | number
      const y = kb[i] as string | number
      if (x < y) return -1
      if (x > y) return 1
    }
    return 0
  })
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`
}

/** `compiled 3 processes (0 errors, 2 warnings) → .ablauf/build` */
export function formatSummary(result: CompileResult, outLabel: string | undefined): string {
  const counts = `(${plural(result.errorCount, 'error')}, ${plural(result.warningCount, 'warning')})`
  const line = `compiled ${plural(result.processes.length, 'process', 'processes')} ${counts}`
  return result.errorCount === 0 && outLabel !== undefined ? `${line} → ${outLabel}` : line
}

/** The machine-readable report of `ablauf compile --json`. */
export interface CompileReport {
  ok: boolean
  outDir: string | null
  definitions: { id: string; hash: string; source: string }[]
  diagnostics: Diagnostic[]
  errorCount: number
  warningCount: number
}

export function compileReport(result: CompileResult, outLabel: string | undefined): CompileReport {
  return {
    ok: result.errorCount === 0,
    outDir: result.errorCount === 0 ? (outLabel ?? null) : null,
    definitions: result.processes.map((p) => ({ id: p.id, hash: p.hash, source: p.source })),
    diagnostics: result.diagnostics,
    errorCount: result.errorCount,
    warningCount: result.warningCount,
  }
}
