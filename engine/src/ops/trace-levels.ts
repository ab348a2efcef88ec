import type { Clock } from '../store/store-port.js'

/** The extra log level a traced process or ticket gets; `off` removes a rule. */
export type TraceLevel = 'trace' | 'debug'

/** One rule: a process or a ticket (id or number) logged at `level`, until `expiresAt` (if set). */
export interface TraceRule {
  process?: string
  ticket?: string
  level: TraceLevel
  /** ISO time the rule ends; absent for rules from the config file. */
  expiresAt?: string
  source: 'config' | 'api'
}

/** What the runtime knows about the instance it steps. */
export interface TraceSubject {
  processId: string
  ticketId: string
  ticketNumber?: string
}

/** The trace rules of a running engine: from the config file, plus ones set through the admin API. */
export interface TraceLevels {
  /** The level for a subject, or undefined (the root logger's level applies). `trace` beats `debug`. */
  levelFor(subject: TraceSubject): TraceLevel | undefined
  /** Adds or replaces the API rule for this process/ticket; `off` removes it. */
  set(rule: { process?: string; ticket?: string; level: TraceLevel | 'off'; ttlSeconds?: number }): void
  /** The rules in force (expired API rules are dropped). */
  list(): TraceRule[]
}

/** Config of {@link createTraceLevels}: the config file's `logging.trace` and the clock for expiry. */
export interface TraceLevelsOptions {
  processes?: readonly string[]
  tickets?: readonly (string | number)[]
  clock: Clock
}

const keyOf = (r: { process?: string; ticket?: string }): string => `${r.process ?? ''}\u0000${r.ticket ?? ''}`

/**
 * Per-process / per-ticket log levels. Config rules trace at `trace` for good; API rules carry a level
 * and may expire. A rule naming both a process and a ticket matches only that ticket in that process.
 *
 * @example
 * ```ts
 * const trace = createTraceLevels({ tickets: ['2024010100001'], clock: systemClock })
 * trace.set({ process: 'incident-triage', level: 'debug', ttlSeconds: 600 })
 * trace.levelFor({ processId: 'incident-triage', ticketId: 't1' }) // 'debug'
 * ```
 */
export function createTraceLevels(options: TraceLevelsOptions): TraceLevels {
  const fixed: TraceRule[] = [
    ...(options.processes ?? []).map((process): TraceRule => ({ process, level: 'trace', source: 'config' })),
    ...(options.tickets ?? []).map((t): TraceRule => ({ ticket: String(t), level: 'trace', source: 'config' })),
  ]
  const dynamic = new Map<string, TraceRule>()

  const live = (): TraceRule[] => {
    const now = options.clock.now().toISOString()
    for (const [key, rule] of dynamic) if (rule.expiresAt !== undefined && rule.expiresAt <= now) dynamic.delete(key)
    return [...fixed, ...dynamic.values()]
  }

  const matches = (rule: TraceRule, s: TraceSubject): boolean =>
    (rule.process === undefined || rule.process === s.processId) &&
    (rule.ticket === undefined || rule.ticket === s.ticketId || rule.ticket === s.ticketNumber)

  return {
    levelFor(subject) {
      if (fixed.length === 0 && dynamic.size === 0) return undefined
      let level: TraceLevel | undefined
      for (const rule of live()) {
        if (!matches(rule, subject)) continue
        if (rule.level === 'trace') return 'trace'
        level = rule.level
      }
      return level
    },
    set({ level, ttlSeconds, ...target }) {
      const key = keyOf(target)
      if (level === 'off') {
        dynamic.delete(key)
        return
      }
      const expiresAt = ttlSeconds === undefined ? undefined : new Date(options.clock.now().getTime() + ttlSeconds * 1000).toISOString()
      dynamic.set(key, { ...target, level, source: 'api', ...(expiresAt === undefined ? {} : { expiresAt }) })
    },
    list: live,
  }
}
