import type { Condition } from '../definition/condition-schema.js'
import type { ProcessDefinition } from '../definition/definition-schema.js'
import type { TransitionAction } from '../definition/action-schema.js'
import type { IssuePath } from './rule-context.js'

/** A leaf of a condition tree: a test of one field. */
export type FieldTest = Exclude<Condition, { op: 'all' | 'any' | 'one' | 'not' }>

export interface Located<T> {
  value: T
  path: IssuePath
}

/** The start condition and every transition condition, with their paths. */
export function conditionsOf(def: ProcessDefinition): Located<Condition>[] {
  const out: Located<Condition>[] = []
  if (def.start.on === 'ticket.created' && def.start.when) out.push({ value: def.start.when, path: ['start', 'when'] })
  def.transitions.forEach((t, j) => {
    if (t.condition) out.push({ value: t.condition, path: ['transitions', j, 'condition'] })
  })
  return out
}

/** Every field test of every condition of `def`, with its path. */
export function fieldTestsOf(def: ProcessDefinition): Located<FieldTest>[] {
  const out: Located<FieldTest>[] = []
  const visit = (c: Condition, path: IssuePath): void => {
    if ('field' in c) out.push({ value: c, path })
    else if (c.op === 'not') visit(c.of, [...path, 'of'])
    else c.of.forEach((sub, i) => visit(sub, [...path, 'of', i]))
  }
  for (const c of conditionsOf(def)) visit(c.value, c.path)
  return out
}

/** Every transition action, with its path. */
export function actionsOf(def: ProcessDefinition): Located<TransitionAction>[] {
  return def.transitions.flatMap((t, j) => t.actions.map((a, k) => ({ value: a, path: ['transitions', j, 'actions', k] })))
}

/** Every text that may hold placeholders, with its path. */
export function textsOf(def: ProcessDefinition): Located<string>[] {
  const out: Located<string>[] = []
  const add = (value: string | undefined, path: IssuePath): void => {
    if (value !== undefined) out.push({ value, path })
  }
  for (const { value: a, path } of actionsOf(def)) {
    switch (a.type) {
      case 'setTitle':
        add(a.title, [...path, 'title'])
        break
      case 'addArticle':
        add(a.article.subject, [...path, 'article', 'subject'])
        add(a.article.body, [...path, 'article', 'body'])
        break
      case 'sendEmail':
        for (const key of ['to', 'cc', 'bcc'] as const) a[key]?.forEach((v, i) => add(v, [...path, key, i]))
        add(a.subject, [...path, 'subject'])
        add(a.body, [...path, 'body'])
        break
      case 'createTicket':
        add(a.title, [...path, 'title'])
        add(a.article?.subject, [...path, 'article', 'subject'])
        add(a.article?.body, [...path, 'article', 'body'])
        break
      case 'addLink':
        add(a.ticketNumber, [...path, 'ticketNumber'])
        break
      default:
        break
    }
  }
  def.activities.forEach((act, i) => {
    if (act.kind === 'subprocess') add(act.newTicket?.title, ['activities', i, 'newTicket', 'title'])
    if (act.kind === 'service') for (const [key, v] of Object.entries(act.input)) add(v, ['activities', i, 'input', key])
  })
  return out
}
