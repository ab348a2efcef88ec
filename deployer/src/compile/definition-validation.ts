import { createHash } from 'node:crypto'
import { canonicalJson, parseDefinition, validateDefinition, type ProcessDefinition } from '@ablauf/sdk'
import type { TargetSnapshot } from '@ablauf/sdk/target'
import { setKeyOf, type CheckCache, type DefinitionCheck } from './check-cache.js'

/**
 * Checks raw definitions: the schema, the semantic rules (against the target when there is one,
 * and against each other for sub-processes), and the content hash and canonical JSON of each valid
 * one. Results are reused from `cache` where they still hold. Locating issues in the sources is the
 * caller's business (this runs in the evaluation worker too, which has no sources).
 */
export function validateDefinitions(raws: readonly unknown[], target: TargetSnapshot | undefined, cache: CheckCache): DefinitionCheck[] {
  const parsed = raws.map((raw) => {
    const key = typeof raw === 'object' && raw !== null ? raw : undefined
    const r = (key && cache.parsed.get(key)) ?? parseDefinition(raw)
    if (key) cache.parsed.set(key, r)
    return r
  })
  const definitions = parsed.flatMap((r) => (r.ok ? [r.value] : []))
  const setKey = setKeyOf(definitions)
  if (cache.target !== target || cache.setKey !== setKey) {
    cache.target = target
    cache.setKey = setKey
    cache.validated = new WeakMap()
  }
  return parsed.map((r, i): DefinitionCheck => {
    if (!r.ok) return { parsed: r, issues: [] }
    const key = raws[i] as object
    const issues = cache.validated.get(key) ?? validateDefinition(r.value, { ...(target ? { target } : {}), definitions })
    cache.validated.set(key, issues)
    if (issues.some((issue) => (issue.severity ?? 'error') === 'error')) return { parsed: r, issues }
    return { parsed: r, issues, build: buildText(r.value, cache) }
  })
}

function buildText(def: ProcessDefinition, cache: CheckCache): { hash: string; json: string } {
  const cached = cache.built.get(def)
  if (cached) return cached
  // The sdk's contentHash(def), from the one canonical text the build writes too.
  const json = canonicalJson(def)
  const built = { hash: createHash('sha256').update(json, 'utf8').digest('hex'), json }
  cache.built.set(def, built)
  return built
}
