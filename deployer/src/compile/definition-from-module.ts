import { isParsedDefinition, isProcessBuilder } from '@ablauf/sdk'
import type { Issue } from '@ablauf/sdk/errors'

/**
 * Turns what a process module exported by default into a plain definition object of the host realm.
 * A process module exports a process builder (anything with `toDefinition()`, recognised by shape so
 * that it works across copies of the sdk) or a definition object. `parsed` says the value is a copy
 * of a definition this program's sdk parsed itself (see `isParsedDefinition`): no need to parse it again.
 */
export type ExtractResult =
  | { ok: true; value: unknown; parsed: boolean }
  | { ok: false; issue: 'MISSING_DEFAULT_EXPORT' | 'NOT_A_PROCESS' | 'EVAL_FAILED' | 'NOT_JSON'; message: string; cause?: unknown }
  /** `toDefinition()` refused: the builder's own issues (paths into the definition it would have made). */
  | { ok: false; issue: 'DEFINITION_INVALID'; message: string; issues: Issue[] }

export function definitionFromExports(exports: unknown): ExtractResult {
  const def = typeof exports === 'object' && exports !== null ? (exports as { default?: unknown }).default : undefined
  if (def === undefined) {
    return { ok: false, issue: 'MISSING_DEFAULT_EXPORT', message: 'missing default export: a process module must `export default defineProcess(…)`' }
  }
  let raw: unknown = def
  if (isProcessBuilder(def) || (typeof def === 'object' && def !== null && typeof (def as { toDefinition?: unknown }).toDefinition === 'function')) {
    try {
      raw = (def as { toDefinition: () => unknown }).toDefinition()
    } catch (err) {
      const issues = builderIssues(err)
      if (issues) return { ok: false, issue: 'DEFINITION_INVALID', message: String((err as { message: unknown }).message), issues }
      const message = err instanceof Error || (typeof err === 'object' && err !== null && 'message' in err) ? String((err as { message: unknown }).message) : String(err)
      return { ok: false, issue: 'EVAL_FAILED', message: `toDefinition() threw: ${message}`, cause: err }
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, issue: 'NOT_A_PROCESS', message: `the default export is ${describe(raw)}, not a process builder or a process definition` }
  }
  try {
    return { ok: true, value: toPlainJson(raw), parsed: isParsedDefinition(raw) }
  } catch (err) {
    const message = err instanceof NotJson ? `the definition is not JSON at ${formatPath(err.path.reverse())}: ${err.what}` : (err as Error).message
    return { ok: false, issue: 'NOT_JSON', message }
  }
}

function builderIssues(err: unknown): Issue[] | undefined {
  if (typeof err !== 'object' || err === null || (err as { code?: unknown }).code !== 'DEFINITION_INVALID') return undefined
  const issues = (err as { details?: { issues?: unknown } }).details?.issues
  if (!Array.isArray(issues)) return undefined
  return issues.filter(
    (i): i is Issue => typeof i === 'object' && i !== null && typeof (i as Issue).code === 'string' && typeof (i as Issue).message === 'string' && Array.isArray((i as Issue).path),
  )
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return `a ${typeof value}`
}

/** What is not JSON, and where: the path is collected innermost first while the error unwinds. */
class NotJson extends Error {
  readonly path: (string | number)[] = []
  constructor(readonly what: string) {
    super(what)
  }
}

/**
 * A deep copy made of this realm's objects (objects made inside the sandbox have another
 * `Object.prototype`); rejects anything that is not JSON, naming the path. The path is only built
 * on the way out of a failure: it runs on every node of every definition.
 */
function toPlainJson(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value
    case 'number':
      if (!Number.isFinite(value)) throw new NotJson(`the number ${String(value)}`)
      return value
    case 'undefined':
      return undefined
    case 'object': {
      if (value === null) return null
      if (Array.isArray(value)) {
        const out = new Array<unknown>(value.length)
        for (let i = 0; i < value.length; i++) out[i] = child(value[i], i)
        return out
      }
      const tag = Object.prototype.toString.call(value)
      if (tag !== '[object Object]') throw new NotJson(tag.slice(8, -1))
      const out: Record<string, unknown> = {}
      for (const k of Object.keys(value)) {
        const copy = child((value as Record<string, unknown>)[k], k)
        if (copy !== undefined) out[k] = copy
      }
      return out
    }
    default:
      throw new NotJson(`a ${typeof value}`)
  }
}

function child(value: unknown, key: string | number): unknown {
  if (typeof value !== 'object' || value === null) return toPlainJson(value)
  try {
    return toPlainJson(value)
  } catch (err) {
    if (err instanceof NotJson) err.path.push(key)
    throw err
  }
}

function formatPath(path: (string | number)[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : `${s}.${p}`), '$')
}
