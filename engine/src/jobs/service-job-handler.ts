import type { Job } from '../store/store-port.js'
import { completeJob, failJob, retryLater, type JobContext } from './job-context.js'
import { readPayload, serviceJobSchema } from './job-payloads.js'

/**
 * Runs one attempt of a service call. Success and final failure are fed into the instance as
 * `service.succeeded` / `service.failed` in the same transaction that settles the job; a transient
 * failure with attempts left is rescheduled with backoff.
 */
export async function runServiceJob(ctx: JobContext, job: Job): Promise<void> {
  const payload = readPayload(serviceJobSchema, job)
  const result = await ctx.invoker.invoke(payload.call)
  const key = payload.call.key
  if (result.ok) {
    await ctx.runtime.deliver(payload.instanceId, { type: 'service.succeeded', key, response: result.response, attempts: job.attempts }, (tx) =>
      completeJob(ctx, tx, job, { status: result.response.status }),
    )
    ctx.metrics?.jobAttempts.inc({ kind: job.kind, outcome: 'succeeded' })
    return
  }
  if (result.transient && (await retryLater(ctx, job, `${result.error.code}: ${result.error.message}`, payload.backoff))) return
  const event = {
    type: 'service.failed' as const,
    key,
    error: result.error,
    ...(result.response === undefined ? {} : { response: result.response }),
    attempts: job.attempts,
  }
  await ctx.runtime.deliver(payload.instanceId, event, (tx) => failJob(ctx, tx, job, `${result.error.code}: ${result.error.message}`, null))
  ctx.metrics?.jobAttempts.inc({ kind: job.kind, outcome: 'failed' })
}
