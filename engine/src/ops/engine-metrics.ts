import { Counter, Gauge, Histogram, Registry } from 'prom-client'

/** The engine's Prometheus metrics, on a per-engine registry (never the global default). */
export interface EngineMetrics {
  registry: Registry
  httpRequestDuration: Histogram<'method' | 'route' | 'status'>
  instancesStarted: Counter<'process'>
  instancesCompleted: Counter<'process'>
  instancesFailed: Counter<'process' | 'code'>
  stepDuration: Histogram<'process'>
  jobAttempts: Counter<'kind' | 'outcome'>
  jobQueueDepth: Gauge<'status'>
}

/** Creates the metrics of one engine. */
export function createEngineMetrics(): EngineMetrics {
  const registry = new Registry()
  const registers = [registry]
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: 'ablauf_http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    instancesStarted: new Counter({ name: 'ablauf_instances_started_total', help: 'Process instances started', labelNames: ['process'], registers }),
    instancesCompleted: new Counter({ name: 'ablauf_instances_completed_total', help: 'Process instances completed', labelNames: ['process'], registers }),
    instancesFailed: new Counter({ name: 'ablauf_instances_failed_total', help: 'Process instances that raised an incident', labelNames: ['process', 'code'], registers }),
    stepDuration: new Histogram({
      name: 'ablauf_step_duration_seconds',
      help: 'Duration of one runtime step (one transaction)',
      labelNames: ['process'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    }),
    jobAttempts: new Counter({ name: 'ablauf_job_attempts_total', help: 'Job attempts by kind and outcome', labelNames: ['kind', 'outcome'], registers }),
    jobQueueDepth: new Gauge({ name: 'ablauf_job_queue_depth', help: 'Jobs by status', labelNames: ['status'], registers }),
  }
}
