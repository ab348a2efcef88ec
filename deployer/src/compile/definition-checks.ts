import type { Issue } from '@ablauf/sdk/errors'
import type { SourceFile } from 'typescript'
import type { BuildEntry } from './build-output.js'
import type { DefinitionCheck } from './check-cache.js'
import type { Diagnostic } from './compile-types.js'
import { declarationPosition, findLiteral, locateIssue } from './source-locator.js'
import { displayPath } from './type-diagnostics.js'

/** A process module that evaluated: its raw default export and the sources to locate issues in. */
export interface EvaluatedModule {
  file: string
  raw: unknown
  /** The process module first, then the repository modules it imported. */
  sources: readonly SourceFile[]
}

/**
 * Turns the checks of evaluated definitions (see `validateDefinitions`, index for index) into
 * diagnostics located in the sources, refuses a process id defined twice, and keeps the valid
 * processes.
 */
export function checkDefinitions(
  modules: readonly EvaluatedModule[],
  checks: readonly DefinitionCheck[],
  cwd: string,
): { processes: BuildEntry[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = []
  const toDiagnostic = (mod: EvaluatedModule, issue: Issue): Diagnostic => {
    const at = locateIssue(mod.raw, issue.path, mod.sources)
    return {
      file: displayPath(cwd, at.file),
      line: at.line,
      col: at.col,
      code: issue.code,
      severity: issue.severity ?? 'error',
      message: issue.message,
    }
  }

  modules.forEach((mod, i) => {
    const parsed = checks[i]?.parsed
    if (parsed && !parsed.ok) diagnostics.push(...parsed.issues.map((issue) => toDiagnostic(mod, { ...issue, message: `${issue.message} at ${formatPath(issue.path)}` })))
  })

  const firstById = new Map<string, EvaluatedModule>()
  const processes: BuildEntry[] = []
  modules.forEach((mod, i) => {
    const check = checks[i]
    if (!check?.parsed.ok) return
    const def = check.parsed.value
    diagnostics.push(...check.issues.map((issue) => toDiagnostic(mod, issue)))
    const first = firstById.get(def.id)
    if (first) {
      const main = mod.sources[0]
      const at = (main && (findLiteral(main, def.id) ?? declarationPosition(main))) ?? { file: mod.file, line: 1, col: 1 }
      const other = first.sources[0]
      const otherAt = other ? (findLiteral(other, def.id) ?? declarationPosition(other)) : { file: first.file, line: 1 }
      diagnostics.push({
        file: displayPath(cwd, at.file),
        line: at.line,
        col: at.col,
        code: 'DUPLICATE_PROCESS_ID',
        severity: 'error',
        message: `process id "${def.id}" is also defined in ${displayPath(cwd, otherAt.file)}:${otherAt.line}; give each process its own id`,
      })
      return
    }
    firstById.set(def.id, mod)
    if (check.build) {
      processes.push({ process: { id: def.id, hash: check.build.hash, source: displayPath(cwd, mod.file), definition: def }, json: check.build.json })
    }
  })
  return { processes, diagnostics }
}

function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : `${s}.${p}`), '$')
}
