import type { Logger } from 'pino'
import type { ProcessDefinition } from '@ablauf/sdk/definition'
import type { ProcessEvent, RuntimeEnv } from '@ablauf/sdk/runtime'
import type { EngineMetrics } from '../ops/engine-metrics.js'
import type { TraceLevels } from '../ops/trace-levels.js'
import type { ScriptRegistry } from '../scripts/script-registry.js'
import type { Clock, Store, StoreTx } from '../store/store-port.js'

/** Options of `createProcessRuntime`: the ports the executor uses, all injected. */
export interface ProcessRuntimeOptions {
  store: Store
  scripts: ScriptRegistry
  logger: Logger
  clock: Clock
  metrics?: Pick<EngineMetrics, 'instancesStarted' | 'instancesCompleted' | 'instancesFailed' | 'stepDuration'>
  /** New instance and task ids; time-ordered UUIDs (v7) by default. */
  ids?: () => string
  /** Called after a commit that enqueued jobs (wakes the job worker). */
  onJobsEnqueued?: () => void
  /**
   * Extra read-only look-ups for placeholders; by default people come from the stored target
   * snapshot (users and customer users).
   */
  env?: RuntimeEnv
  /** E-mail templates of the target (`sendEmail` with `template`), rendered with the ticket at enqueue time. */
  emailTemplates?: readonly { name: string; subject: string; body: string }[]
  /** Per-process / per-ticket log levels: matching instances log every transition and condition. */
  trace?: Pick<TraceLevels, 'levelFor'>
  /** At most this many steps (all instances together) per incoming event, against script loops. */
  maxStepsPerEvent?: number
}

/** The results of jobs, fed back into the instance that awaits them. */
export type JobResultEvent = Extract<ProcessEvent, { type: 'service.succeeded' | 'service.failed' | 'subprocess.completed' | 'subprocess.failed' }>

/** A loaded version of a process. */
export interface LoadedVersion {
  definition: ProcessDefinition
  hash: string
}

/** Work done in the same transaction after what caused it (a child that ended tells its parent). */
export interface FollowUp {
  instanceId: string
  event: JobResultEvent
}

/** Everything one transaction of the executor needs. */
export interface StepScope {
  tx: StoreTx
  now: Date
  at: string
  env: RuntimeEnv
  followUps: FollowUp[]
  steps: number
  jobsEnqueued: boolean
  /** The process of the first instance stepped (the metrics label of the transaction). */
  processId?: string
}
