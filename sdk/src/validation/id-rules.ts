import type { Issue } from '../errors.js'
import { error, type IssuePath, type RuleContext } from './rule-context.js'

/** Reports each repeat of an id after its first use, pointing at the repeat. */
export function duplicates(ids: readonly { id: string; path: IssuePath }[], what: string): Issue[] {
  const first = new Map<string, IssuePath>()
  const out: Issue[] = []
  for (const { id, path } of ids) {
    const seen = first.get(id)
    if (seen === undefined) first.set(id, path)
    else out.push(error('DUPLICATE_ID', path, `${what} id "${id}" is already used at ${seen.join('.')}; give each ${what} its own id`))
  }
  return out
}

/** DUPLICATE_ID: activity ids, transition ids, and dialog ids within one activity are unique. */
export function idRules({ def }: RuleContext): Issue[] {
  const out = [
    ...duplicates(def.activities.map((a, i) => ({ id: a.id, path: ['activities', i, 'id'] })), 'activity'),
    ...duplicates(def.transitions.map((t, j) => ({ id: t.id, path: ['transitions', j, 'id'] })), 'transition'),
  ]
  def.activities.forEach((a, i) => {
    if (a.kind !== 'user') return
    out.push(...duplicates(a.dialogs.map((d, k) => ({ id: d.id, path: ['activities', i, 'dialogs', k, 'id'] })), 'dialog'))
  })
  return out
}
