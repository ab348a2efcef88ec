import { hostname } from 'node:os'
import { randomUUID } from 'node:crypto'
import type { Logger } from 'pino'
import { isAblaufError } from '@ablauf/sdk/errors'
import type { Mailer } from '../mail/mail-types.js'
import type { EngineMetrics } from '../ops/engine-metrics.js'
import type { ExecutorRuntime } from '../runtime/process-runtime.js'
import type { Clock, Job, Store } from '../store/store-port.js'
import type { RandomSource } from '../web-services/backoff.js'
import type { WebServiceInvoker } from '../web-services/web-service-invoker.js'
import { DEFAULT_BACKOFF, completeJob, failJob, retryLater, type JobContext } from './job-context.js'
import { JOB_KINDS, readPayload, ticketCreatedJobSchema } from './job-payloads.js'
import { runEmailJob } from './email-job-handler.js'
import { runServiceJob } from './service-job-handler.js'

/** Options of {@link createJobWorker}. */
export interface JobWorkerOptions {
  store: Store
  runtime: ExecutorRuntime
  invoker: WebServiceInvoker
  /** Real mail (SMTP); without it all mail is captured in the outbox. */
  mailer?: Mailer
  logger: Logger
  clock: Clock
  metrics?: Pick<EngineMetrics, 'jobAttempts' | 'jobQueueDepth'>
  /** Lease owner id; unique per worker. */
  owner?: string
  /** Jobs run at once (default 32): service calls wait on the network, not on this process. */
  concurrency?: number
  /**
   * Lease length; must outlast the slowest job, else another worker re-runs it meanwhile. Default 11
   * minutes: a service task's `timeoutMs` is at most 10 minutes.
   */
  leaseMs?: number
  /** Longest sleep between polls (default 1 s); `wake()` cuts it short. */
  pollMs?: number
  /** Least time between two refreshes of the queue-depth gauge (default 1 s): counting scans the jobs table. */
  gaugeMs?: number
  random?: RandomSource
}

/** The durable job worker. */
export interface JobWorker {
  readonly owner: string
  /** Starts polling. */
  start(): void
  /** New jobs are there: poll now. */
  wake(): void
  /** Leases and runs every due job until none is left; resolves with how many ran (tests, CLI). */
  runOnce(): Promise<number>
  /** Stops leasing, waits for running jobs up to `deadlineMs` (default 10 s), gives back the rest. */
  stop(options?: { deadlineMs?: number }): Promise<void>
}

/**
 * Creates the job worker: leases due jobs (pending, or leased by a worker whose lease expired), runs
 * service calls, e-mails and process-created tickets, and feeds results into the runtime.
 */
export function createJobWorker(options: JobWorkerOptions): JobWorker {
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  const log = options.logger.child({ component: 'job-worker', owner })
  const ctx: JobContext = {
    store: options.store,
    runtime: options.runtime,
    invoker: options.invoker,
    mailer: options.mailer,
    clock: options.clock,
    logger: log,
    random: options.random ?? Math.random,
    owner,
    metrics: options.metrics,
  }
  const concurrency = Math.max(1, options.concurrency ?? 32)
  const leaseMs = options.leaseMs ?? 660_000
  const pollMs = options.pollMs ?? 1000
  const gaugeMs = options.gaugeMs ?? 1000
  const inFlight = new Map<number, Promise<void>>()
  let running = false
  let polling = false
  // A wake-up (or a finished job) that arrives while a poll runs must not be lost: that poll may have
  // looked at the jobs table before the new job was committed.
  let pollAgain = false
  let gaugeAt = Number.NEGATIVE_INFINITY
  let timer: NodeJS.Timeout | undefined
  let unsubscribe: (() => void) | undefined

  async function lease(): Promise<Job[]> {
    const free = concurrency - inFlight.size
    if (free <= 0) return []
    const now = options.clock.now().toISOString()
    const jobs = await options.store.transaction((tx) => tx.jobs.lease({ owner, now, leaseMs, limit: free, kinds: Object.values(JOB_KINDS) }))
    for (const job of jobs) {
      const run = runJob(job).finally(() => {
        inFlight.delete(job.id)
        if (running) schedule(0)
      })
      inFlight.set(job.id, run)
    }
    return jobs
  }

  async function runJob(job: Job): Promise<void> {
    const jobLog = log.child({ jobId: job.id, key: job.key, kind: job.kind, attempt: job.attempts, instanceId: job.instanceId, ticketId: job.ticketId })
    try {
      if (job.kind === JOB_KINDS.service) await runServiceJob(ctx, job)
      else if (job.kind === JOB_KINDS.email) await runEmailJob(ctx, job)
      else if (job.kind === JOB_KINDS.ticketCreated) await runTicketCreatedJob(job)
      else await options.store.transaction((tx) => failJob(ctx, tx, job, `no handler for job kind "${job.kind}"`, null))
    } catch (err) {
      if (isAblaufError(err, 'CONFLICT')) {
        jobLog.warn({ err }, 'job lease lost')
        return
      }
      jobLog.error({ err }, 'job failed')
      const text = err instanceof Error ? err.message : String(err)
      try {
        if (!(await retryLater(ctx, job, text, DEFAULT_BACKOFF))) await options.store.transaction((tx) => failJob(ctx, tx, job, text, null))
      } catch (again) {
        jobLog.error({ err: again }, 'job failure not recorded; the lease will expire')
      }
    }
  }

  async function runTicketCreatedJob(job: Job): Promise<void> {
    const { ticketId } = readPayload(ticketCreatedJobSchema, job)
    await options.runtime.ticketCreated(ticketId, { kind: 'system' })
    await options.store.transaction((tx) => completeJob(ctx, tx, job, null))
  }

  async function poll(): Promise<void> {
    if (!running) return
    if (polling) {
      pollAgain = true
      return
    }
    polling = true
    pollAgain = false
    let delay = pollMs
    try {
      const leased = await lease()
      if (leased.length > 0 && inFlight.size < concurrency) delay = 0
      else if (inFlight.size < concurrency) {
        const next = await options.store.transaction((tx) => tx.jobs.nextRunAt(), { readOnly: true })
        if (next !== undefined) delay = Math.min(pollMs, Math.max(0, Date.parse(next) - options.clock.now().getTime()))
      }
      await refreshGauge()
    } catch (err) {
      log.error({ err }, 'polling for jobs failed')
    } finally {
      polling = false
    }
    if (pollAgain) delay = 0
    if (running && inFlight.size < concurrency) schedule(delay)
  }

  async function refreshGauge(): Promise<void> {
    const gauge = options.metrics?.jobQueueDepth
    const now = performance.now()
    if (gauge === undefined || now - gaugeAt < gaugeMs) return
    gaugeAt = now
    const counts = await options.store.transaction((tx) => tx.jobs.counts(), { readOnly: true })
    for (const [status, n] of Object.entries(counts)) gauge.set({ status }, n)
  }

  function schedule(ms: number): void {
    if (!running) return
    if (polling) {
      pollAgain = true
      return
    }
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      void poll()
    }, ms)
  }

  return {
    owner,
    start() {
      if (running) return
      running = true
      log.info({ concurrency, leaseMs }, 'job worker started')
      // Jobs enqueued by other engines on a shared database (PostgreSQL NOTIFY) wake this worker too.
      unsubscribe = options.store.onJobsAvailable?.(() => schedule(0))
      schedule(0)
    },
    wake() {
      schedule(0)
    },
    async runOnce() {
      let ran = 0
      for (;;) {
        const jobs = await lease()
        if (jobs.length === 0 && inFlight.size === 0) return ran
        ran += jobs.length
        await Promise.race([...inFlight.values()])
      }
    },
    async stop(stopOptions) {
      running = false
      unsubscribe?.()
      unsubscribe = undefined
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      const deadline = stopOptions?.deadlineMs ?? 10_000
      let deadlineTimer: NodeJS.Timeout | undefined
      await Promise.race([
        Promise.allSettled([...inFlight.values()]),
        new Promise<void>((resolve) => {
          deadlineTimer = setTimeout(resolve, deadline)
        }),
      ])
      clearTimeout(deadlineTimer)
      const left = [...inFlight.keys()]
      if (left.length > 0) {
        const released = await options.store.transaction((tx) => tx.jobs.release(owner, left))
        log.warn({ released }, 'job worker stopped with jobs running; leases given back')
      } else {
        log.info('job worker stopped')
      }
    },
  }
}
