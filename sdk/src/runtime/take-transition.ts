import type { Transition } from '../definition/index.js'
import { evaluateCondition } from './evaluate-condition.js'
import { raiseIncident } from './raise-incident.js'
import { runActions } from './run-actions.js'
import { MAX_TRANSITIONS_PER_STEP, type StepContext } from './step-context.js'

/** The normal flow, or the `on: 'error'` transitions of a failed job. */
export type TransitionPath = 'normal' | 'error'

/**
 * The first outgoing transition of `from` on `path` whose condition holds (no condition holds always),
 * in declared order. With `recordSkipped`, each one tried and not taken leaves a `transition.skipped` row.
 */
export function chooseTransition(
  ctx: StepContext,
  from: string,
  path: TransitionPath,
  recordSkipped: boolean,
): Transition | undefined {
  for (const t of ctx.definition.transitions) {
    if (t.from !== from || (path === 'error') !== (t.on === 'error')) continue
    if (t.condition === undefined || evaluateCondition(t.condition, ctx.ticket)) return t
    if (recordSkipped) ctx.history.push({ type: 'transition.skipped', at: ctx.at, transition: t.id, reason: 'condition does not hold' })
  }
  return undefined
}

/**
 * Takes a transition and runs its actions; the caller enters the target. Returns false, with an
 * incident raised, when this step has already taken the maximum number of transitions (a cycle).
 */
export function takeTransition(ctx: StepContext, t: Transition): boolean {
  if (ctx.transitions >= MAX_TRANSITIONS_PER_STEP) {
    raiseIncident(
      ctx,
      'STEP_LIMIT_EXCEEDED',
      `more than ${MAX_TRANSITIONS_PER_STEP} transitions in one step (last at "${t.from}"); the process probably loops`,
    )
    return false
  }
  ctx.transitions += 1
  ctx.history.push({
    type: 'transition.taken',
    at: ctx.at,
    transition: t.id,
    from: t.from,
    to: t.to,
    ...(t.on === undefined ? {} : { on: t.on }),
  })
  runActions(ctx, t)
  return true
}
