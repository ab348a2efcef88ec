import type { Activity } from '../definition/activity-schema.js'
import type { ProcessDefinition } from '../definition/definition-schema.js'
import type { Issue } from '../errors.js'
import { error, type RuleContext } from './rule-context.js'
import { unknownMessage } from './suggest.js'

/** The first activity of each id (repeats are DUPLICATE_ID's business). */
export function activityIndex(def: ProcessDefinition): Map<string, Activity> {
  const byId = new Map<string, Activity>()
  for (const a of def.activities) if (!byId.has(a.id)) byId.set(a.id, a)
  return byId
}

const CAN_FAIL: ReadonlySet<Activity['kind']> = new Set(['service', 'script'])

/**
 * The shape of the flow: known activities, a valid start, every activity reachable, a way out of every
 * activity but the ends, and an end to reach.
 */
export function graphRules({ def }: RuleContext): Issue[] {
  const byId = activityIndex(def)
  const ids = [...byId.keys()]
  const out: Issue[] = []
  const start = byId.get(def.start.activity)
  if (start === undefined) {
    out.push(error('UNKNOWN_ACTIVITY', ['start', 'activity'], unknownMessage('start activity', def.start.activity, ids)))
  } else {
    out.push(...startRules(def, start))
  }
  def.transitions.forEach((t, j) => {
    for (const end of ['from', 'to'] as const) {
      if (!byId.has(t[end])) out.push(error('UNKNOWN_ACTIVITY', ['transitions', j, end], unknownMessage('activity', t[end], ids)))
    }
    const from = byId.get(t.from)
    if (from?.kind === 'end') {
      out.push(error('END_HAS_TRANSITIONS', ['transitions', j, 'from'], `"${t.from}" is an end activity, so this transition never runs; remove it or start it at another activity`))
    }
    if (from !== undefined && t.on === 'error' && !CAN_FAIL.has(from.kind)) {
      out.push(error('ERROR_PATH_NOT_ALLOWED', ['transitions', j, 'on'], `"${t.from}" is a ${from.kind} activity and cannot fail; only service and script tasks have an error path — remove on: "error"`))
    }
  })
  def.activities.forEach((a, i) => {
    if (a.kind === 'end' || byId.get(a.id) !== a) return
    const outgoing = def.transitions.filter((t) => t.from === a.id)
    if (outgoing.length === 0) {
      out.push(error('DEAD_END', ['activities', i], `activity "${a.id}" has no outgoing transition, so its tickets get stuck; add a transition or make it an end`))
    } else if (outgoing.every((t) => t.on === 'error')) {
      out.push(error('DEAD_END', ['activities', i], `activity "${a.id}" has only an error path; add a transition for success`))
    }
  })
  if (start !== undefined) out.push(...reachabilityRules(def, byId))
  return out
}

function startRules(def: ProcessDefinition, start: Activity): Issue[] {
  if (start.kind === 'end') {
    return [error('START_NOT_ALLOWED', ['start', 'activity'], `the process starts at "${start.id}", an end activity, so it would finish at once; start at the first task`)]
  }
  if (def.start.on !== 'manual') return []
  if (start.kind !== 'user') {
    return [error('START_NOT_ALLOWED', ['start', 'activity'], `a manual start opens a start dialog, but "${start.id}" is a ${start.kind} activity; start at a user task`)]
  }
  const dialog = def.start.dialog
  const dialogIds = start.dialogs.map((d) => d.id)
  if (dialog === undefined || dialogIds.includes(dialog)) return []
  return [error('UNKNOWN_DIALOG', ['start', 'dialog'], unknownMessage('start dialog', dialog, dialogIds, ` in activity "${start.id}"`))]
}

function reachabilityRules(def: ProcessDefinition, byId: Map<string, Activity>): Issue[] {
  const reached = new Set<string>([def.start.activity])
  const queue = [def.start.activity]
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const t of def.transitions) {
      if (t.from === id && byId.has(t.to) && !reached.has(t.to)) {
        reached.add(t.to)
        queue.push(t.to)
      }
    }
  }
  const out: Issue[] = []
  def.activities.forEach((a, i) => {
    if (!reached.has(a.id) && byId.get(a.id) === a) {
      out.push(error('UNREACHABLE_ACTIVITY', ['activities', i], `no transition path from the start "${def.start.activity}" reaches activity "${a.id}"; add a transition to it or remove it`))
    }
  })
  if (![...reached].some((id) => byId.get(id)?.kind === 'end')) {
    const hasEnd = def.activities.some((a) => a.kind === 'end')
    out.push(error('NO_REACHABLE_END', ['start', 'activity'], hasEnd
      ? `no end activity can be reached from the start "${def.start.activity}", so the process never completes; add a transition path to an end`
      : 'the process has no end activity, so it never completes; add one, e.g. { id: "done", kind: "end" }'))
  }
  return out
}
