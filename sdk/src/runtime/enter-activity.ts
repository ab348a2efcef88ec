import type { ServiceActivity, SubprocessActivity } from '../definition/index.js'
import type { Effect } from './runtime-types.js'
import { activityOf, jobKey, render, type StepContext } from './step-context.js'

/** What the chain does after entering: stop (the instance waits or ended) or try the outgoing transitions now. */
export type AfterEnter = 'settled' | 'continue'

/**
 * Enters an activity: records it, opens the task or schedules the job it stands for, and says whether
 * the outgoing transitions are to be tried at once (`wait`, and `subprocess` that does not wait).
 */
export function enterActivity(ctx: StepContext, id: string): AfterEnter {
  const activity = activityOf(ctx, id)
  ctx.instance = { ...ctx.instance, activity: id, waiting: null }
  ctx.history.push({ type: 'activity.entered', at: ctx.at, activity: id, kind: activity.kind })
  const key = jobKey(ctx, id)
  switch (activity.kind) {
    case 'user':
      ctx.effects.push({ type: 'task.open', activity: id, dialogs: activity.dialogs.map((d) => d.id) })
      ctx.instance.waiting = { for: 'dialog' }
      return 'settled'
    case 'script':
      ctx.effects.push({ type: 'script.run', key, activity: id, script: activity.script, params: activity.params })
      ctx.instance.waiting = { for: 'script', key }
      return 'settled'
    case 'service':
      ctx.effects.push(serviceCall(ctx, activity, key))
      ctx.instance.waiting = { for: 'service', key }
      return 'settled'
    case 'subprocess':
      ctx.effects.push(subprocessStart(ctx, activity, key))
      ctx.history.push({ type: 'subprocess.started', at: ctx.at, activity: id, process: activity.process, key })
      if (!activity.wait) return 'continue'
      ctx.instance.waiting = { for: 'subprocess', key }
      return 'settled'
    case 'wait':
      return 'continue'
    case 'end':
      ctx.instance = { ...ctx.instance, status: 'completed', endedAt: ctx.at }
      ctx.effects.push({ type: 'instance.ended', status: 'completed', parent: ctx.instance.parent })
      ctx.history.push({ type: 'process.completed', at: ctx.at })
      return 'settled'
  }
}

function serviceCall(ctx: StepContext, activity: ServiceActivity, key: string): Effect {
  return {
    type: 'service.call',
    key,
    activity: activity.id,
    webService: activity.webService,
    invoker: activity.invoker,
    request: Object.fromEntries(Object.entries(activity.input).map(([path, template]) => [path, render(ctx, template)])),
    timeoutMs: activity.timeoutMs,
    retries: activity.retries,
    backoff: activity.backoff,
  }
}

function subprocessStart(ctx: StepContext, activity: SubprocessActivity, key: string): Effect {
  const version = activity.version === 'latest' ? (ctx.env?.activeVersion?.(activity.process) ?? 'latest') : activity.version
  const t = activity.newTicket
  return {
    type: 'subprocess.start',
    key,
    activity: activity.id,
    process: activity.process,
    version,
    ticket: activity.ticket,
    newTicket:
      activity.ticket === 'new' && t !== undefined
        ? {
            title: render(ctx, t.title),
            queue: t.queue,
            ...(t.state === undefined ? {} : { state: t.state }),
            ...(t.priority === undefined ? {} : { priority: t.priority }),
          }
        : null,
    wait: activity.wait,
  }
}
