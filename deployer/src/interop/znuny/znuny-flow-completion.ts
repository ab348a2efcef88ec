import type { Activity, Transition } from '@ablauf/sdk/definition'
import { withTodos, type InteropWarning } from '../interop-warning.js'
import { generatedDescription } from './znuny-generated.js'
import { neverHolds } from './znuny-never-holds.js'

/** The activities and transitions read from Znuny, and our id of the start activity. */
export interface ZnunyFlow {
  activities: Activity[]
  transitions: Transition[]
  start: string
}

export interface CompletedFlow extends ZnunyFlow {
  /** An empty Znuny process: it gets a start that never fires, as Znuny can never start it. */
  neverStarts: boolean
  warnings: InteropWarning[]
}

export interface FlowCompletionContext {
  processEntity: string
  /** The Znuny EntityID of one of our activity ids. */
  entityOf(activityId: string): string | undefined
  allocateActivityId(name: string): string
  transitionId(from: string, to: string): string
}

function reachable(start: string, transitions: readonly Transition[]): Set<string> {
  const reached = new Set([start])
  const queue = [start]
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const t of transitions) {
      if (t.from === id && !reached.has(t.to)) {
        reached.add(t.to)
        queue.push(t.to)
      }
    }
  }
  return reached
}

/**
 * What a Znuny process may be and an Ablauf definition may not, made valid without changing what runs:
 * - a last activity WITH dialogs (agents keep editing there; the process never formally ends) keeps its
 *   user task and gets a generated end, reached once a dialog is submitted;
 * - an activity no transition reaches gets a generated link from the start that never holds;
 * - an empty process gets a generated start → end frame and a start trigger that never fires.
 * Each is a warning and a TODO on the Znuny activity; generated elements carry the GENERATED marker, so
 * an export leaves them out. (A last activity without dialogs is already an `end`.)
 */
export function completeFlow(flow: ZnunyFlow, ctx: FlowCompletionContext): CompletedFlow {
  const warnings: InteropWarning[] = []
  const activities = [...flow.activities]
  const transitions = [...flow.transitions]
  const note = (index: number, todo: string, path: (string | number)[]) => {
    const a = activities[index] as Activity
    activities[index] = { ...a, description: withTodos(a.description, [todo]) }
    warnings.push({ entityId: ctx.entityOf(a.id) ?? a.id, path, message: todo })
  }

  if (activities.length === 0) {
    const start = ctx.allocateActivityId('start')
    const end = ctx.allocateActivityId('end')
    activities.push(
      { id: start, name: 'Start', description: generatedDescription('the Znuny process had no activities; this frame keeps the definition valid'), kind: 'wait' },
      { id: end, name: 'End', description: generatedDescription('the end of the frame of an empty Znuny process'), kind: 'end' },
    )
    transitions.push({ id: ctx.transitionId(start, end), from: start, to: end, description: generatedDescription('the frame of an empty Znuny process'), actions: [] })
    warnings.push({
      entityId: ctx.processEntity,
      path: ['Process', 'Activities'],
      message: `the process has no activities; added "${start}" → "${end}" and a start that never fires, so the definition is valid and, as in Znuny, never runs`,
    })
    return { activities, transitions, start, neverStarts: true, warnings }
  }

  const count = activities.length
  for (let i = 0; i < count; i++) {
    const a = activities[i] as Activity
    if (a.kind !== 'user' || transitions.some((t) => t.from === a.id)) continue
    const end = ctx.allocateActivityId(`${a.id}-done`)
    activities.push({ id: end, name: 'Process complete', description: generatedDescription(`the end after "${a.name}"; in Znuny its dialogs stay open and the process never ends`), kind: 'end' })
    transitions.push({ id: ctx.transitionId(a.id, end), from: a.id, to: end, description: generatedDescription(`taken once a dialog of "${a.name}" is submitted`), actions: [] })
    note(i, `"${a.name}" is a last activity with dialogs: Znuny keeps them open for ever and the process never ends; Ablauf completes the process ("${end}") once a dialog is submitted`, ['Activities', ctx.entityOf(a.id) ?? a.id])
  }

  let reached = reachable(flow.start, transitions)
  for (let i = 0; i < count; i++) {
    const a = activities[i] as Activity
    if (reached.has(a.id)) continue
    transitions.push({
      id: ctx.transitionId(flow.start, a.id),
      from: flow.start,
      to: a.id,
      description: generatedDescription(`never taken; only keeps "${a.name}", which no Znuny transition reaches, in the process`),
      condition: neverHolds(),
      actions: [],
    })
    note(i, `no Znuny transition leads to "${a.name}"; a transition from "${flow.start}" that never holds keeps it in the process — connect it or remove it`, ['Process', 'Config', 'Path'])
    reached = reachable(flow.start, transitions)
  }
  return { activities, transitions, start: flow.start, neverStarts: false, warnings }
}
