import { AblaufError } from '../errors.js'
import { checkSubmission } from './dialog-submission.js'
import { handleJobEvent } from './handle-job-event.js'
import type { ProcessEvent } from './runtime-types.js'
import { enterAndChain } from './run-chain.js'
import { activityOf, type StepContext } from './step-context.js'
import { chooseTransition, takeTransition } from './take-transition.js'
import { updateTicket } from './update-ticket.js'

/** Dispatches one event to its handler; the context collects the effects and history rows. */
export function handleEvent(ctx: StepContext, event: ProcessEvent): void {
  switch (event.type) {
    case 'dialog.submitted':
      return submitDialog(ctx, event)
    case 'ticket.updated':
      return reevaluateWait(ctx)
    case 'retry':
      return retry(ctx, event)
    case 'cancel':
      return cancel(ctx, event)
    default:
      return handleJobEvent(ctx, event)
  }
}

function submitDialog(ctx: StepContext, event: Extract<ProcessEvent, { type: 'dialog.submitted' }>): void {
  const { instance } = ctx
  if (instance.status !== 'running' || instance.waiting?.for !== 'dialog' || instance.activity !== event.activity) {
    const now = instance.status !== 'running' ? `the instance is ${instance.status}` : `it is at "${instance.activity ?? ''}"`
    throw new AblaufError('WRONG_ACTIVITY', `cannot submit a dialog of "${event.activity}": ${now}`, {
      activity: event.activity,
      current: instance.activity,
      status: instance.status,
    })
  }
  const activity = activityOf(ctx, event.activity)
  if (activity.kind !== 'user') throw new AblaufError('WRONG_ACTIVITY', `"${activity.id}" is not a user task`, { activity: activity.id })
  const submission = checkSubmission(activity, event, ctx.ticket)
  ctx.history.push({ type: 'dialog.submitted', at: ctx.at, activity: activity.id, dialog: submission.dialog.id, actor: event.actor })
  updateTicket(ctx, submission.changes)
  if (submission.article !== undefined) ctx.effects.push({ type: 'article.create', article: submission.article })
  // The values are kept even when no transition holds yet: the task stays open for another submission.
  const t = chooseTransition(ctx, activity.id, 'normal', true)
  if (t === undefined) return
  ctx.effects.push({ type: 'task.close', activity: activity.id })
  if (takeTransition(ctx, t)) enterAndChain(ctx, t.to)
}

function reevaluateWait(ctx: StepContext): void {
  const { instance } = ctx
  if (instance.status !== 'running' || instance.waiting?.for !== 'condition' || instance.activity === null) return
  const t = chooseTransition(ctx, instance.activity, 'normal', false)
  if (t !== undefined && takeTransition(ctx, t)) enterAndChain(ctx, t.to)
}

function retry(ctx: StepContext, event: Extract<ProcessEvent, { type: 'retry' }>): void {
  const { instance } = ctx
  if (instance.status !== 'incident') {
    throw new AblaufError('CONFLICT', `only an instance with an incident can be retried; this one is ${instance.status}`, { status: instance.status })
  }
  const activity = instance.activity ?? ctx.definition.start.activity
  ctx.instance = { ...instance, status: 'running', incident: null, waiting: null }
  ctx.history.push({ type: 'instance.retried', at: ctx.at, activity, actor: event.actor })
  enterAndChain(ctx, activity)
}

function cancel(ctx: StepContext, event: Extract<ProcessEvent, { type: 'cancel' }>): void {
  const { instance } = ctx
  if (instance.status === 'completed' || instance.status === 'canceled') {
    throw new AblaufError('CONFLICT', `the instance has already ${instance.status === 'completed' ? 'completed' : 'been canceled'}`, { status: instance.status })
  }
  if (instance.waiting?.for === 'dialog' && instance.activity !== null) ctx.effects.push({ type: 'task.close', activity: instance.activity })
  ctx.instance = { ...instance, status: 'canceled', waiting: null, endedAt: ctx.at }
  ctx.effects.push({ type: 'instance.ended', status: 'canceled', parent: instance.parent })
  ctx.history.push({ type: 'process.canceled', at: ctx.at, actor: event.actor, ...(event.reason === undefined ? {} : { reason: event.reason }) })
}
