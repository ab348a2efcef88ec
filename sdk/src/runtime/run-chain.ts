import { enterActivity } from './enter-activity.js'
import { raiseIncident } from './raise-incident.js'
import { activityOf, type StepContext } from './step-context.js'
import { chooseTransition, takeTransition, type TransitionPath } from './take-transition.js'

/**
 * Enters `activity` and keeps going while activities need no outside input (chaining, as OTOBO 10.1+
 * does), until the instance waits, ends, or hits the transition limit.
 */
export function enterAndChain(ctx: StepContext, activity: string): void {
  let current = activity
  while (enterActivity(ctx, current) === 'continue') {
    const t = chooseTransition(ctx, current, 'normal', false)
    if (t === undefined) {
      if (activityOf(ctx, current).kind === 'wait') ctx.instance = { ...ctx.instance, waiting: { for: 'condition' } }
      else raiseIncident(ctx, 'NO_TRANSITION', `no transition out of "${current}" holds`)
      return
    }
    if (!takeTransition(ctx, t)) return
    current = t.to
  }
}

/**
 * Leaves the current activity after its work is done: takes the first holding transition on `path`
 * and chains on. Returns false when none holds (the caller decides: task stays open, or incident).
 */
export function leaveActivity(ctx: StepContext, path: TransitionPath): boolean {
  const from = ctx.instance.activity
  if (from === null) return false
  const t = chooseTransition(ctx, from, path, path === 'normal')
  if (t === undefined) return false
  if (takeTransition(ctx, t)) enterAndChain(ctx, t.to)
  return true
}
