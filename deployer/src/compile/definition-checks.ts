import { contentHash, parseDefinition, validateDefinition, type ProcessDefinition } from '@ablauf/sdk'
import type { Issue } from '@ablauf/sdk/errors'
import type { TargetSnapshot } from '@ablauf/sdk/target'
import type { SourceFile } from 'typescript'
import type { CompiledProcess, Diagnostic } from './compile-types.js'
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
 * Validates evaluated definitions: the schema, the semantic rules (against the target when there is
 * one, and against each other for sub-processes) and unique process ids across files. Every issue is
 * located in the source.
 */
/**
 * Results of earlier checks, reused while the raw definition object, the target and the set of
 * processes (ids and sub-process references) stay the same: a watch rebuild re-validates only
 * what changed.
 */
export class CheckCache {
  target: TargetSnapshot | undefined
  setKey = ''
  readonly parsed = new WeakMap<object, ReturnType<typeof parseDefinition>>()
  validated = new WeakMap<object, Issue[]>()
}

function setKeyOf(defs: readonly ProcessDefinition[]): string {
  return defs
    .map((d) => `${d.id}>${d.activities.flatMap((a) => (a.kind === 'subprocess' ? [a.process] : [])).join(',')}`)
    .sort()
    .join(' ')
}

export function checkDefinitions(
  modules: readonly EvaluatedModule[],
  options: { target: TargetSnapshot | undefined; cwd: string; cache?: CheckCache },
): { processes: CompiledProcess[]; diagnostics: Diagnostic[] } {
  const cache = options.cache ?? new CheckCache()
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
    const key = typeof mod.raw === 'object' && mod.raw !== null ? mod.raw : undefined
    const r = (key && cache.parsed.get(key)) ?? parseDefinition(mod.raw)
    if (key) cache.parsed.set(key, r)
    if (r.ok) parsed.push({ mod, def: r.value })
    else diagnostics.push(...r.issues.map((i) => toDiagnostic(mod, { ...i, message: `${i.message} at ${formatPath(i.path)}` })))
  }

  const definitions = parsed.map((p) => p.def)
  const setKey = setKeyOf(definitions)
  if (cache.target !== options.target || cache.setKey !== setKey) {
    cache.target = options.target
    cache.setKey = setKey
    cache.validated = new WeakMap()
  }
  const firstById = new Map<string, EvaluatedModule>()
  const processes: CompiledProcess[] = []
  for (const { mod, def } of parsed) {
    const key = mod.raw as object
    const issues = cache.validated.get(key) ?? validateDefinition(def, { ...(options.target ? { target: options.target } : {}), definitions })
    cache.validated.set(key, issues)
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
