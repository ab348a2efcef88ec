import { AblaufError } from '../errors.js'
import type { Activity, ProcessDefinition } from '../definition/index.js'
import { renderTemplate } from './render-template.js'
import type { Effect, HistoryEntry, ProcessInstance, RuntimeEnv, StepResult, TicketSnapshot } from './runtime-types.js'

/**
 * The working state of one step. The step function copies instance and ticket in, mutates only these
 * copies and returns them, so it stays pure from the caller's point of view.
 */
export interface StepContext {
  readonly definition: ProcessDefinition
  instance: ProcessInstance
  ticket: TicketSnapshot
  readonly effects: Effect[]
  readonly history: HistoryEntry[]
  readonly now: Date
  /** `now` as ISO text, the timestamp of every history row of this step. */
  readonly at: string
  readonly env: RuntimeEnv | undefined
  /** Transitions taken in this step, for the chaining limit. */
  transitions: number
}

/**
 * At most this many transitions per event (OTOBO's chaining limit); one more raises the incident
 * `STEP_LIMIT_EXCEEDED`.
 *
 * @example
 * ```ts
 * if (result.instance.incident?.code === 'STEP_LIMIT_EXCEEDED') log.warn({ limit: MAX_TRANSITIONS_PER_STEP }, 'process loops')
 * ```
 */
export const MAX_TRANSITIONS_PER_STEP = 100

export function createStepContext(
  definition: ProcessDefinition,
  instance: ProcessInstance,
  ticket: TicketSnapshot,
  now: Date,
  env: RuntimeEnv | undefined,
): StepContext {
  const at = now.toISOString()
  return {
    definition,
    instance: { ...instance, seq: instance.seq + 1, updatedAt: at },
    ticket: { ...ticket, DynamicField: { ...ticket.DynamicField } },
    effects: [],
    history: [],
    now,
    at,
    env,
    transitions: 0,
  }
}

export function finishStep(ctx: StepContext): StepResult {
  return { instance: ctx.instance, ticket: ctx.ticket, effects: ctx.effects, history: ctx.history }
}

/** The activity with this id; a definition that names a missing one was never validated. */
export function activityOf(ctx: StepContext, id: string): Activity {
  const activity = ctx.definition.activities.find((a) => a.id === id)
  if (activity === undefined) {
    throw new AblaufError('DEFINITION_INVALID', `process "${ctx.definition.id}" has no activity "${id}"`, { activity: id })
  }
  return activity
}

/** Idempotency key of a job or a child started from `activity` in this step. */
export function jobKey(ctx: StepContext, activity: string): string {
  return `${ctx.instance.id}:${activity}:${ctx.instance.seq}`
}

/** Placeholders rendered against the working ticket (so earlier actions of the same chain show). */
export function render(ctx: StepContext, text: string): string {
  return renderTemplate(text, {
    ticket: ctx.ticket,
    process: { id: ctx.definition.id, name: ctx.definition.name, activity: ctx.instance.activity },
    ...(ctx.env === undefined ? {} : { env: ctx.env }),
  })
}
