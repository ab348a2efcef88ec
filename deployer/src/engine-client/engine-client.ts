import type { ProcessDefinition } from '@ablauf/sdk/definition'
import { engineRequest, type EngineHttpOptions } from './engine-http.js'
import {
  deployedProcessSummarySchema,
  deployedProcessWithDefinitionSchema,
  deploymentResultSchema,
  deploymentSchema,
  instanceCountSchema,
  instancePageSchema,
  listOf,
  oneOf,
  processVersionSchema,
  type DeployedProcessSummary,
  type DeployedProcessWithDefinition,
  type Deployment,
  type DeploymentResult,
  type InstanceCount,
  type InstanceSummary,
  type ProcessVersion,
} from './engine-schemas.js'

/** Where a deployment comes from (DESIGN.md: `source: { commit, ref, author }`). */
export interface DeploymentSource {
  commit: string
  ref: string
  author: string
}

/** The body of `POST /api/v1/deployments`. */
export interface DeploymentRequest {
  definitions: ProcessDefinition[]
  source: DeploymentSource
  /** The latest deployment id the plan was made against; a stale one is answered with VERSION_CONFLICT. */
  basedOn?: string | null
  dryRun?: boolean
}

/** The engine's deployment API as the deployer uses it. */
export interface EngineClient {
  readonly baseUrl: string
  listProcesses(): Promise<DeployedProcessSummary[]>
  /** Every deployed process with its active version's definition, in one request. */
  listProcessesWithDefinitions(): Promise<DeployedProcessWithDefinition[]>
  getVersion(processId: string, version: number): Promise<ProcessVersion>
  /** Every matching instance, page after page. */
  listInstances(filter: { process?: string; state?: string }): Promise<InstanceSummary[]>
  /** Running instances counted per process, version and activity, in one request. */
  runningInstanceCounts(): Promise<InstanceCount[]>
  listDeployments(): Promise<Deployment[]>
  /** The newest deployment, or null when nothing was ever deployed. */
  latestDeployment(): Promise<Deployment | null>
  /** Deploys atomically; VERSION_CONFLICT when `basedOn` is not the latest deployment. */
  deploy(request: DeploymentRequest): Promise<DeploymentResult>
  listVersions(processId: string): Promise<ProcessVersion[]>
}

export type EngineClientOptions = EngineHttpOptions

/**
 * An HTTP client of the engine. Unreachable engines are retried with bounded backoff and then fail with
 * `ENGINE_UNAVAILABLE`; error envelopes become `AblaufError`s with the engine's code (`VERSION_CONFLICT`, …).
 *
 * @example
 * ```ts
 * const engine = createEngineClient({ baseUrl: 'http://127.0.0.1:8080', token, logger })
 * const processes = await engine.listProcesses()
 * ```
 */
export function createEngineClient(options: EngineClientOptions): EngineClient {
  const processes = listOf(deployedProcessSummarySchema, ['processes'])
  const processesWithDefinitions = listOf(deployedProcessWithDefinitionSchema, ['processes'])
  const counts = listOf(instanceCountSchema, ['summary'])
  const deployments = listOf(deploymentSchema, ['deployments'])
  const version = oneOf(processVersionSchema, 'version')
  const versions = listOf(processVersionSchema, ['versions'])
  const listDeployments = (limit?: number): Promise<Deployment[]> =>
    engineRequest(options, { method: 'GET', path: '/api/v1/deployments', query: { limit: limit === undefined ? undefined : String(limit) }, schema: deployments })
  return {
    baseUrl: options.baseUrl,
    listProcesses: () => engineRequest(options, { method: 'GET', path: '/api/v1/processes', schema: processes }),
    getVersion: (processId, v) =>
      engineRequest(options, {
        method: 'GET',
        path: `/api/v1/processes/${encodeURIComponent(processId)}/versions/${v}`,
        schema: version,
      }),
    listProcessesWithDefinitions: () =>
      engineRequest(options, { method: 'GET', path: '/api/v1/processes', query: { include: 'definition' }, schema: processesWithDefinitions }),
    async listInstances(filter) {
      const all: InstanceSummary[] = []
      let after: string | undefined
      do {
        const page = await engineRequest(options, {
          method: 'GET',
          path: '/api/v1/instances',
          query: { process: filter.process, state: filter.state, limit: '1000', after },
          schema: instancePageSchema,
        })
        all.push(...page.instances)
        after = page.next ?? undefined
      } while (after !== undefined)
      return all
    },
    runningInstanceCounts: () =>
      engineRequest(options, { method: 'GET', path: '/api/v1/instances/summary', query: { state: 'running' }, schema: counts }),
    listDeployments: () => listDeployments(),
    latestDeployment: async () => newest(await listDeployments(1)),
    deploy: (request) =>
      engineRequest(options, { method: 'POST', path: '/api/v1/deployments', body: request, schema: deploymentResultSchema }),
    listVersions: (processId) =>
      engineRequest(options, { method: 'GET', path: `/api/v1/processes/${encodeURIComponent(processId)}/versions`, schema: versions }),
  }
}

/** The newest deployment by `createdAt` (the engine lists newest first; this does not rely on it). */
function newest(list: Deployment[]): Deployment | null {
  let best: Deployment | null = null
  for (const d of list) {
    if (best === null) best = d
    else if (d.createdAt !== undefined && best.createdAt !== undefined && d.createdAt > best.createdAt) best = d
  }
  return best
}
