import type { ProcessEvent, TicketChanges, Waiting } from './runtime-types.js'
import { raiseIncident } from './raise-incident.js'
import { leaveActivity } from './run-chain.js'
import { serviceOutcome } from './service-outcome.js'
import { activityOf, type StepContext } from './step-context.js'
import { changesFromValues } from './ticket-fields.js'
import { updateTicket } from './update-ticket.js'

/** The results of jobs and child processes: they carry the key of the job they answer. */
export type JobEvent = Extract<ProcessEvent, { key: string }>

const AWAITED_BY: Record<JobEvent['type'], Waiting['for']> = {
  'script.completed': 'script',
  'script.failed': 'script',
  'service.succeeded': 'service',
  'service.failed': 'service',
  'subprocess.completed': 'subprocess',
  'subprocess.failed': 'subprocess',
}

/**
 * Applies a job's result and moves on: success along the normal transitions, failure along the
 * `on: 'error'` ones. A result whose key is not the one awaited is a stale or duplicate delivery
 * (jobs run at least once) and is only noted in the history.
 */
export function handleJobEvent(ctx: StepContext, event: JobEvent): void {
  const { instance } = ctx
  const waiting = instance.waiting
  if (instance.status !== 'running' || instance.activity === null || waiting === null || waiting.for !== AWAITED_BY[event.type] || !('key' in waiting) || waiting.key !== event.key) {
    const reason = instance.status !== 'running' ? `instance is ${instance.status}` : `job ${event.key} is not awaited`
    ctx.history.push({ type: 'event.ignored', at: ctx.at, event: event.type, reason })
    return
  }
  const activity = activityOf(ctx, instance.activity)
  const at = ctx.at
  switch (event.type) {
    case 'script.completed': {
      const script = activity.kind === 'script' ? activity.script : activity.id
      let changes: TicketChanges
      try {
        changes = changesFromValues(event.updates)
      } catch (err) {
        return raiseIncident(ctx, 'SCRIPT_FAILED', `script "${script}" returned an invalid update: ${(err as Error).message}`)
      }
      const refused = ctx.env?.fieldValuesProblem?.(event.updates)
      if (refused !== undefined) {
        ctx.history.push({ type: 'script.failed', at, activity: activity.id, script, message: `returned ${refused}` })
        return fail(ctx, 'SCRIPT_FAILED', `script "${script}" returned ${refused}`)
      }
      ctx.history.push({ type: 'script.completed', at, activity: activity.id, script })
      updateTicket(ctx, changes)
      return succeed(ctx)
    }
    case 'script.failed': {
      const script = activity.kind === 'script' ? activity.script : activity.id
      ctx.history.push({ type: 'script.failed', at, activity: activity.id, script, message: event.error.message })
      return fail(ctx, 'SCRIPT_FAILED', `script "${script}" failed: ${event.error.message}`)
    }
    case 'service.succeeded': {
      if (activity.kind !== 'service') return succeed(ctx)
      const outcome = serviceOutcome(activity, event.response)
      if (!outcome.ok) {
        ctx.history.push({ type: 'service.failed', at, activity: activity.id, status: outcome.error.status, attempts: event.attempts, message: outcome.error.message })
        return fail(ctx, 'SERVICE_FAILED', outcome.error.message)
      }
      const refused = ctx.env?.fieldValuesProblem?.(outcome.values)
      if (refused !== undefined) {
        const message = `${activity.webService}/${activity.invoker} answered ${refused}`
        ctx.history.push({ type: 'service.failed', at, activity: activity.id, status: event.response.status, attempts: event.attempts, message })
        return fail(ctx, 'SERVICE_FAILED', message)
      }
      ctx.history.push({ type: 'service.succeeded', at, activity: activity.id, status: event.response.status, attempts: event.attempts })
      updateTicket(ctx, changesFromValues(outcome.values))
      return succeed(ctx)
    }
    case 'service.failed': {
      const status = event.error.status ?? event.response?.status
      ctx.history.push({ type: 'service.failed', at, activity: activity.id, ...(status === undefined ? {} : { status }), attempts: event.attempts, message: event.error.message })
      const target = activity.kind === 'service' ? `${activity.webService}/${activity.invoker}` : activity.id
      return fail(ctx, 'SERVICE_FAILED', `${target} failed after ${event.attempts} attempt(s): ${event.error.code} ${event.error.message}`)
    }
    case 'subprocess.completed':
    case 'subprocess.failed': {
      const process = activity.kind === 'subprocess' ? activity.process : activity.id
      const failed = event.type === 'subprocess.failed'
      ctx.history.push({ type: event.type, at, activity: activity.id, process, key: event.key })
      if (!failed) return succeed(ctx)
      return fail(ctx, 'SUBPROCESS_FAILED', `sub-process "${process}" failed: ${event.error.message}`)
    }
  }
}

function succeed(ctx: StepContext): void {
  const from = ctx.instance.activity
  if (!leaveActivity(ctx, 'normal')) raiseIncident(ctx, 'NO_TRANSITION', `no transition out of "${from ?? ''}" holds; add one without a condition as the default`)
}

function fail(ctx: StepContext, code: string, message: string): void {
  if (!leaveActivity(ctx, 'error')) raiseIncident(ctx, code, message)
}
