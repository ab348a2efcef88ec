import { Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { ReconcileResult } from './reconcile-state.js'

/** The reconciler's own metrics, in its own registry (never prom-client's global one). */
export interface ReconcileMetrics {
  registry: Registry
  observeRun(result: ReconcileResult, seconds: number): void
  observeCommitToDeployed(seconds: number): void
  markSuccess(at: Date): void
}

export function createReconcileMetrics(): ReconcileMetrics {
  const registry = new Registry()
  const duration = new Histogram({
    name: 'ablauf_reconcile_duration_seconds',
    help: 'Time of one reconcile run (fetch, compile, plan, apply)',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  })
  const results = new Counter({
    name: 'ablauf_reconcile_total',
    help: 'Reconcile runs by result',
    labelNames: ['result'],
    registers: [registry],
  })
  const latency = new Histogram({
    name: 'ablauf_commit_to_deployed_seconds',
    help: 'From the commit (committer date) to its deployment',
    buckets: [1, 5, 10, 30, 60, 120, 300, 900, 3600],
    registers: [registry],
  })
  const lastSuccess = new Gauge({
    name: 'ablauf_reconcile_last_success_timestamp_seconds',
    help: 'Unix time of the last successful reconcile',
    registers: [registry],
  })
  return {
    registry,
    observeRun(result, seconds) {
      duration.observe(seconds)
      results.inc({ result })
    },
    observeCommitToDeployed: (seconds) => latency.observe(Math.max(0, seconds)),
    markSuccess: (at) => lastSuccess.set(at.getTime() / 1000),
  }
}
