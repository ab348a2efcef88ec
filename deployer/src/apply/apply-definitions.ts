import type { ProcessDefinition } from '@ablauf/sdk/definition'
import { isAblaufError } from '@ablauf/sdk/errors'
import type { Logger } from 'pino'
import type { Deployment, DeploymentSource, EngineClient } from '../engine-client/index.js'
import { hasChanges, planAgainstEngine, type Plan } from '../plan/index.js'

/** What applying did. */
export type ApplyOutcome =
  | { status: 'unchanged'; plan: Plan; attempts: number }
  | { status: 'deployed'; plan: Plan; deployment: Deployment; steps: DeploymentStep[]; attempts: number }

/** What the engine did per process, as it reports it. */
export interface DeploymentStep {
  processId: string
  op: string
  version: number | null
  previousVersion: number | null
}

export interface ApplyOptions {
  engine: EngineClient
  definitions: readonly ProcessDefinition[]
  source: DeploymentSource
  logger: Logger
  /** A plan already made against the engine (reused for the first attempt). */
  plan?: Plan
}

/**
 * Deploys `definitions` atomically with `basedOn` = the deployment the plan was made against. When the
 * engine answers VERSION_CONFLICT (someone deployed in between) it re-plans once and retries; a second
 * conflict is thrown. Nothing is posted when the plan has no changes.
 */
export async function applyDefinitions(options: ApplyOptions): Promise<ApplyOutcome> {
  const log = options.logger
  let plan = options.plan ?? (await planAgainstEngine(options.engine, options.definitions))
  for (let attempt = 1; ; attempt++) {
    if (!hasChanges(plan)) return { status: 'unchanged', plan, attempts: attempt }
    try {
      const result = await options.engine.deploy({
        definitions: [...options.definitions],
        source: options.source,
        basedOn: plan.basedOn,
      })
      const deployment = result.deployment
      if (!result.changed || deployment === null) return { status: 'unchanged', plan, attempts: attempt }
      log.info({ deploymentId: deployment.id, commit: options.source.commit, ...plan.summary }, 'deployed')
      const steps = result.plan.map((st) => ({ processId: st.processId, op: st.op, version: st.version ?? null, previousVersion: st.previousVersion ?? null }))
      return { status: 'deployed', plan, deployment, steps, attempts: attempt }
    } catch (err) {
      if (!isAblaufError(err, 'VERSION_CONFLICT') || attempt >= 2) throw err
      log.warn({ basedOn: plan.basedOn }, 'deployment conflict, planning again')
      plan = await planAgainstEngine(options.engine, options.definitions)
    }
  }
}
