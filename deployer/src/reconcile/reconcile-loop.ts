import type { Logger } from 'pino'
import type { ReconcileRecord } from './reconcile-state.js'

export interface ReconcileLoopOptions {
  run: () => Promise<ReconcileRecord>
  /** Poll interval; each wait is jittered by ±`jitter` (a fraction) so many reconcilers do not align. */
  intervalMs: number
  jitter?: number
  /** Backoff while the engine is unreachable: initial delay, doubled per failure, capped. */
  backoff?: { initialMs: number; maxMs: number }
  logger: Logger
  random?: () => number
}

/** A single-flight reconcile loop: triggers while a run is in progress coalesce into one more run. */
export interface ReconcileLoop {
  /** Asks for a run (a webhook, a poll); resolves when a run that started after this call has finished. */
  trigger(reason: string): Promise<void>
  /** Starts polling. */
  start(): void
  /** Stops polling and waits for a run in progress. */
  stop(): Promise<void>
  /** Resolves when no run is in progress. */
  idle(): Promise<void>
  /** How many runs have started. */
  readonly runs: number
}

/**
 * Single-flight with a dirty flag: a trigger marks the loop dirty; if no run is in progress one starts,
 * and after each run the loop runs again only if it was marked dirty meanwhile. A burst of triggers
 * thus costs at most one run in progress plus one more, and that one finds the head already handled.
 */
export function createReconcileLoop(options: ReconcileLoopOptions): ReconcileLoop {
  const log = options.logger.child({ component: 'reconcile-loop' })
  const random = options.random ?? Math.random
  const jitter = options.jitter ?? 0.1
  const backoff = options.backoff ?? { initialMs: 1000, maxMs: 60_000 }
  let dirty = false
  let current: Promise<void> | null = null
  let timer: NodeJS.Timeout | undefined
  let polling = false
  let failures = 0
  let runs = 0

  const schedule = (): void => {
    if (!polling) return
    clearTimeout(timer)
    const base = failures > 0 ? Math.min(backoff.maxMs, backoff.initialMs * 2 ** (failures - 1)) : options.intervalMs
    const delay = Math.max(1, Math.round(base * (1 + jitter * (2 * random() - 1))))
    timer = setTimeout(() => void trigger(failures > 0 ? 'retry' : 'poll'), delay)
  }

  const drain = async (): Promise<void> => {
    while (dirty) {
      dirty = false
      runs++
      const rec = await options.run()
      failures = rec.result === 'engine-unavailable' ? failures + 1 : 0
    }
  }

  const trigger = (reason: string): Promise<void> => {
    dirty = true
    log.debug({ reason }, 'reconcile requested')
    if (current === null) {
      current = drain()
        .catch((err: unknown) => log.error({ err }, 'reconcile loop failed'))
        .finally(() => {
          current = null
          schedule()
        })
    }
    return current
  }

  return {
    trigger,
    start() {
      polling = true
      void trigger('start')
    },
    async stop() {
      polling = false
      clearTimeout(timer)
      await current
    },
    idle: async () => {
      while (current !== null) await current
    },
    get runs() {
      return runs
    },
  }
}
