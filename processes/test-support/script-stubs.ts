import type { JsonValue } from '@ablauf/sdk'
import { renderTemplate } from '@ablauf/sdk/runtime'
import type { ScriptStub } from '@ablauf/sdk/testing'

interface KeywordRule {
  field?: string
  value: JsonValue
  keywords?: string[]
}

/**
 * Stand-ins for the engine's built-in scripts that read the params a process passes, so a test
 * exercises the process's own keyword rules and templates rather than a canned answer. They follow
 * the engine's semantics for the params used here (keywords only; the first matching rule wins).
 */
export const builtInScriptStubs: Record<string, ScriptStub> = {
  'classify-by-keywords': ({ params, ticket }) => {
    const sources = Array.isArray(params['source']) ? params['source'] : [params['source'] ?? 'Title']
    const text = sources.map((s) => (s === 'Title' ? ticket.Title : '')).join('\n').toLowerCase()
    const rules = params['rules'] as unknown as KeywordRule[]
    const match = rules.find((r) => r.keywords?.some((k) => text.includes(k.toLowerCase())))
    const targetField = match?.field ?? (params['target'] as string | undefined)
    if (match === undefined || targetField === undefined) return {}
    return { [targetField]: match.value as string }
  },
  'render-template': ({ params, ticket }) => ({
    [String(params['field'])]: renderTemplate(String(params['template']), { ticket, process: { id: '', name: '', activity: null } }),
  }),
}
