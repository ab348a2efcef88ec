import { contentHash, parseDefinition, validateDefinition, type ProcessDefinition } from '@ablauf/sdk'
import type { Issue } from '@ablauf/sdk/errors'
import type { TargetSnapshot } from '@ablauf/sdk/target'
import type { ts } from 'ts-morph'
import type { CompiledProcess, Diagnostic } from './compile-types.js'
import { declarationPosition, findLiteral, locateIssue } from './source-locator.js'
import { displayPath } from './type-diagnostics.js'

/** A process module that evaluated: its raw default export and the sources to locate issues in. */
export interface EvaluatedModule {
  file: string
  raw: unknown
  /** The process module first, then the repository modules it imported. */
  sources: readonly ts.SourceFile[]
}

/**
 * Validates evaluated definitions: the schema, the semantic rules (against the target when there is
 * one, and against each other for sub-processes) and unique process ids across files. Every issue is
 * located in the source.
 */
export function checkDefinitions(
  modules: readonly EvaluatedModule[],
  options: { target: TargetSnapshot | undefined; cwd: string },
): { processes: CompiledProcess[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = []
  const parsed: { mod: EvaluatedModule; def: ProcessDefinition }[] = []
  const toDiagnostic = (mod: EvaluatedModule, issue: Issue): Diagnostic => {
    const at = locateIssue(mod.raw, issue.path, mod.sources)
    return {
      file: displayPath(options.cwd, at.file),
      line: at.line,
      col: at.col,
      code: issue.code,
      severity: issue.severity ?? 'error',
      message: issue.message,
    }
  }

  for (const mod of modules) {
    const r = parseDefinition(mod.raw)
    if (r.ok) parsed.push({ mod, def: r.value })
    else diagnostics.push(...r.issues.map((i) => toDiagnostic(mod, { ...i, message: `${i.message} at ${formatPath(i.path)}` })))
  }

  const definitions = parsed.map((p) => p.def)
  const firstById = new Map<string, EvaluatedModule>()
  const processes: CompiledProcess[] = []
  for (const { mod, def } of parsed) {
    const issues = validateDefinition(def, { ...(options.target ? { target: options.target } : {}), definitions })
    diagnostics.push(...issues.map((i) => toDiagnostic(mod, i)))
    const first = firstById.get(def.id)
    if (first) {
      const main = mod.sources[0]
      const at = (main && (findLiteral(main, def.id) ?? declarationPosition(main))) ?? { file: mod.file, line: 1, col: 1 }
      const other = first.sources[0]
      const otherAt = other ? (findLiteral(other, def.id) ?? declarationPosition(other)) : { file: first.file, line: 1 }
      diagnostics.push({
        file: displayPath(options.cwd, at.file),
        line: at.line,
        col: at.col,
        code: 'DUPLICATE_PROCESS_ID',
        severity: 'error',
        message: `process id "${def.id}" is also defined in ${displayPath(options.cwd, otherAt.file)}:${otherAt.line}; give each process its own id`,
      })
      continue
    }
    firstById.set(def.id, mod)
    if (!issues.some((i) => (i.severity ?? 'error') === 'error')) {
      processes.push({ id: def.id, hash: contentHash(def), source: displayPath(options.cwd, mod.file), definition: def })
    }
  }
  return { processes, diagnostics }
}

function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : `${s}.${p}`), '$')
}
