import { handleEvent } from './handle-event.js'
import type { StepFunction } from './runtime-types.js'
import { createStepContext, finishStep } from './step-context.js'

/**
 * The pure step function: one event in, the new instance, the new ticket, the effects to perform and
 * the history rows to store out. No I/O, no clock (`now` is passed in), no randomness (job keys are
 * `${instance.id}:${activity}:${seq}`). Inputs are never mutated.
 *
 * Throws `WRONG_ACTIVITY` for a dialog of an activity the instance is not waiting at,
 * `REQUIRED_FIELD_MISSING` (details `{ fields }`) and `BAD_REQUEST` for an incomplete or foreign
 * submission, `CONFLICT` for retrying an instance without an incident or canceling an ended one.
 * Stale job results are not errors: they are recorded as `event.ignored`.
 *
 * @example
 * ```ts
 * import { step } from '@ablauf/sdk/runtime'
 * const r = step(definition, instance, {
 *   type: 'dialog.submitted', activity: 'confirm', dialog: 'confirm-classification',
 *   values: { DynamicField_Category: 'hardware' }, actor: { kind: 'agent', login: 'jdoe' }, ticket,
 * }, new Date())
 * r.instance.activity // 'done'
 * r.effects           // [{ type: 'ticket.update', … }, { type: 'task.close', … }, { type: 'email.send', … }, …]
 * ```
 */
export const step: StepFunction = (definition, instance, event, now, env) => {
  const { ticket, ...processEvent } = event
  const ctx = createStepContext(definition, instance, ticket, now, env)
  handleEvent(ctx, processEvent)
  return finishStep(ctx)
}
