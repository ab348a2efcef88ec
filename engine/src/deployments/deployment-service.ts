import { randomUUID } from 'node:crypto'
import type { Logger } from 'pino'
import { AblaufError } from '@ablauf/sdk/errors'
import type { TargetSnapshot } from '@ablauf/sdk/target'
import type { Clock, Store, StoreTx } from '../store/store-port.js'
import type { ProcessDefinition } from '@ablauf/sdk/definition'
import type { Deployment, DeploymentPlanStep, ProcessRow, StoredVersion } from '../store/store-rows.js'
import { checkDeploymentDefinitions } from './definition-check.js'
import { planChanges, planDeployment, type PlannedProcess } from './deployment-plan.js'
import type { DeploymentRequest } from './deployment-request.js'

/** The outcome of a deployment request. */
export interface DeploymentResult {
  /** The new deployment; the latest one when nothing changed; null on a dry run or an empty engine. */
  deployment: Deployment | null
  plan: DeploymentPlanStep[]
  changed: boolean
  dryRun: boolean
}

/** A deployed process with its active version's definition (null when it never had an active version). */
export interface ProcessWithDefinition extends ProcessRow {
  definition: ProcessDefinition | null
}

/** Options of {@link createDeploymentService}. */
export interface DeploymentServiceOptions {
  store: Store
  clock: Clock
  target: TargetSnapshot
  logger: Logger
}

/** Deploys sets of definitions atomically and answers what is deployed. */
export interface DeploymentService {
  deploy(request: DeploymentRequest, actor: string): Promise<DeploymentResult>
  listProcesses(): Promise<ProcessRow[]>
  /** Every process with its active definition, read in one transaction (what a plan needs). */
  listProcessesWithDefinitions(): Promise<ProcessWithDefinition[]>
  listVersions(processId: string): Promise<StoredVersion[]>
  getVersion(processId: string, version: number | string): Promise<StoredVersion>
  /** Deployments, newest first; at most `limit` (default 100). */
  listDeployments(limit?: number): Promise<Deployment[]>
  getDeployment(id: string): Promise<Deployment>
}

/** Creates the deployment service. */
export function createDeploymentService(options: DeploymentServiceOptions): DeploymentService {
  const { store, clock, target } = options
  const log = options.logger.child({ component: 'deployments' })

  async function deploy(request: DeploymentRequest, actor: string): Promise<DeploymentResult> {
    const definitions = checkDeploymentDefinitions(request.definitions, target)
    return store.transaction(async (tx) => {
      const latest = await tx.processes.latestDeployment()
      if (request.basedOn !== undefined && request.basedOn !== (latest?.id ?? null)) {
        throw new AblaufError(
          'VERSION_CONFLICT',
          `the deployment was planned on ${request.basedOn ?? 'an empty engine'}, but the latest deployment is ${latest?.id ?? 'none'}; plan again`,
          { basedOn: request.basedOn, latest: latest?.id ?? null },
        )
      }
      const planned = await planDeployment(tx, definitions)
      const plan = planned.map((p) => p.step)
      if (request.dryRun) return { deployment: null, plan, changed: planChanges(planned), dryRun: true }
      if (!planChanges(planned)) return { deployment: latest ?? null, plan, changed: false, dryRun: false }

      const now = clock.now().toISOString()
      const deployment: Deployment = { id: randomUUID(), basedOn: latest?.id ?? null, source: request.source, plan, actor, createdAt: now }
      await tx.processes.addDeployment(deployment)
      await tx.target.put(target, now)
      for (const p of planned) await apply(p, deployment, now)
      log.info({ deploymentId: deployment.id, commit: request.source.commit, steps: plan.map((s) => `${s.op} ${s.processId}`) }, 'deployed')
      return { deployment, plan, changed: true, dryRun: false }

      async function apply(p: PlannedProcess, d: Deployment, at: string): Promise<void> {
        const { step, definition, current } = p
        if (step.op === 'unchanged') return
        if (definition === null) {
          if (current !== undefined) await tx.processes.put({ ...current, state: 'fade-away', updatedAt: at })
          return
        }
        // The process row comes first: versions reference it.
        await tx.processes.put({
          id: definition.id,
          name: definition.name,
          state: definition.state,
          activeVersion: step.version,
          activeHash: step.hash,
          createdAt: current?.createdAt ?? at,
          updatedAt: at,
        })
        if (p.newVersion) {
          const stored = await tx.processes.addVersion({
            processId: definition.id, hash: step.hash ?? '', definition, sourceCommit: d.source.commit, deploymentId: d.id, createdAt: at,
          })
          if (stored.version !== step.version) throw new AblaufError('INTERNAL', `version ${stored.version} of ${definition.id} was planned as ${step.version}`)
        }
      }
    })
  }

  const read = <T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> => store.transaction(fn, { readOnly: true })

  return {
    deploy,
    listProcesses: () => read((tx) => tx.processes.list()),
    listProcessesWithDefinitions: () =>
      read(async (tx) => {
        // Active processes' versions come in one query; the few faded-away or inactive ones one by one.
        const startable = new Map((await tx.processes.listStartable()).map((v) => [v.processId, v]))
        const out: ProcessWithDefinition[] = []
        for (const p of await tx.processes.list()) {
          const found = startable.get(p.id) ?? (p.activeVersion === null ? undefined : await tx.processes.getVersion(p.id, p.activeVersion))
          out.push({ ...p, definition: found?.definition ?? null })
        }
        return out
      }),
    async listVersions(processId) {
      return read(async (tx) => {
        if ((await tx.processes.get(processId)) === undefined) throw new AblaufError('NOT_FOUND', `process "${processId}" is not deployed`)
        return tx.processes.listVersions(processId)
      })
    },
    async getVersion(processId, version) {
      const found = await read((tx) =>
        typeof version === 'number' ? tx.processes.getVersion(processId, version) : tx.processes.getVersionByHash(processId, version),
      )
      if (found === undefined) throw new AblaufError('NOT_FOUND', `process "${processId}" has no version ${version}`)
      return found
    },
    listDeployments: (limit) => read((tx) => tx.processes.listDeployments(limit)),
    async getDeployment(id) {
      const found = await read((tx) => tx.processes.getDeployment(id))
      if (found === undefined) throw new AblaufError('NOT_FOUND', `deployment "${id}" does not exist`)
      return found
    },
  }
}
