/** Retry backoff of a service task, as the definition declares it. */
export interface BackoffPolicy {
  initialMs: number
  factor: number
  maxMs: number
}

/** A source of uniform numbers in [0, 1); injected so tests are deterministic. */
export type RandomSource = () => number

/**
 * The delay before the next attempt after `attempt` failed ones (1-based): exponential with full
 * jitter — uniform in [0, min(maxMs, initialMs · factor^(attempt−1))] — so that many failing calls
 * do not retry in lockstep.
 */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: RandomSource = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.initialMs * policy.factor ** Math.max(0, attempt - 1))
  return Math.round(ceiling * Math.min(1, Math.max(0, random())))
}
