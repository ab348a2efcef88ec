import type { Logger } from 'pino'
import type { TargetSnapshot } from '@ablauf/sdk/target'
import type { DeploymentService } from '../deployments/deployment-service.js'
import type { EngineMetrics } from '../ops/engine-metrics.js'
import type { TraceLevels } from '../ops/trace-levels.js'
import type { Clock, Store } from '../store/store-port.js'
import type { TicketService } from '../tickets/ticket-service.js'
import type { ConfiguredToken } from './auth/token-auth.js'
import type { ProcessRuntime } from './runtime-port.js'

/** What the HTTP API is built from; all injected by the composition root. */
export interface HttpDeps {
  store: Store
  clock: Clock
  target: TargetSnapshot
  runtime: ProcessRuntime
  deployments: DeploymentService
  tickets: TicketService
  metrics: EngineMetrics
  logger: Logger
  tokens: readonly ConfiguredToken[]
  /** Per-process / per-ticket trace logging, changed by `PUT /debug/trace` (admin). */
  trace: TraceLevels
  /** Request body limit, e.g. `1mb`. */
  bodyLimit: string
}
