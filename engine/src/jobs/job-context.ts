import type { Logger } from 'pino'
import { AblaufError } from '@ablauf/sdk/errors'
import type { Mailer } from '../mail/mail-types.js'
import type { EngineMetrics } from '../ops/engine-metrics.js'
import type { ExecutorRuntime } from '../runtime/process-runtime.js'
import type { Clock, Job, Store, StoreTx } from '../store/store-port.js'
import type { WebServiceInvoker } from '../web-services/web-service-invoker.js'
import { backoffDelay, type BackoffPolicy, type RandomSource } from '../web-services/backoff.js'

/** What a job handler needs: the worker's ports and its lease owner id. */
export interface JobContext {
  store: Store
  runtime: ExecutorRuntime
  invoker: WebServiceInvoker
  /** Sends real mail; without it every mail is captured. */
  mailer: Mailer | undefined
  clock: Clock
  logger: Logger
  random: RandomSource
  owner: string
  metrics: Pick<EngineMetrics, 'jobAttempts'> | undefined
}

/** Backoff of jobs that have none of their own (e-mails, follow-ups). */
export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 1000, factor: 2, maxMs: 300_000 }

/** Settles a leased job in `tx`; a lost lease rolls the whole transaction back. */
export async function completeJob(ctx: JobContext, tx: StoreTx, job: Job, result: Job['result']): Promise<void> {
  if (!(await tx.jobs.complete(job.id, ctx.owner, result, ctx.clock.now().toISOString()))) throw leaseLost(job)
}

/** Records a failed attempt in `tx`: rescheduled at `retryAt`, or failed for good when null. */
export async function failJob(ctx: JobContext, tx: StoreTx, job: Job, error: string, retryAt: string | null): Promise<void> {
  if (!(await tx.jobs.fail(job.id, ctx.owner, error, retryAt, ctx.clock.now().toISOString()))) throw leaseLost(job)
}

/**
 * A transient failure: reschedules with backoff while attempts remain (true), and notes the attempt in
 * the ticket's history; false when the attempts are used up (the caller fails the job for good).
 */
export async function retryLater(ctx: JobContext, job: Job, error: string, backoff: BackoffPolicy): Promise<boolean> {
  if (job.attempts >= job.maxAttempts) return false
  const now = ctx.clock.now()
  const retryAt = new Date(now.getTime() + backoffDelay(backoff, job.attempts, ctx.random)).toISOString()
  await ctx.store.transaction(async (tx) => {
    await failJob(ctx, tx, job, error, retryAt)
    if (job.ticketId !== null) {
      await tx.history.append([{
        ticketId: job.ticketId,
        instanceId: job.instanceId,
        entry: { type: 'job.attempt', at: now.toISOString(), message: `attempt ${job.attempts} of ${job.maxAttempts} failed: ${error}; next at ${retryAt}`, data: { key: job.key, kind: job.kind, attempt: job.attempts, retryAt } },
      }])
    }
  })
  ctx.metrics?.jobAttempts.inc({ kind: job.kind, outcome: 'retry' })
  return true
}

function leaseLost(job: Job): AblaufError {
  return new AblaufError('CONFLICT', `the lease on job ${job.id} (${job.key}) was lost; another worker has it`, { jobId: job.id })
}
