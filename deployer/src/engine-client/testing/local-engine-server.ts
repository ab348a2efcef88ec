import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { contentHash, processDefinitionSchema, type ProcessDefinition } from '@ablauf/sdk/definition'
import { z } from 'zod'

/**
 * A small engine for deployer tests: the deployment endpoints of DESIGN.md's Engine HTTP API, kept in
 * memory, with the real semantics the deployer relies on (content hashes, immutable versions,
 * reactivation, fade-away, `basedOn` conflicts, error envelopes). Listens on 127.0.0.1 only.
 */
export interface LocalEngine {
  url: string
  /** Requests seen, as `METHOD /path`. */
  requests: string[]
  deployments: StoredDeployment[]
  /** Answer every request with 503 while true. */
  down: boolean
  /** Adds running instances of a process version. */
  addInstances(processId: string, version: number, activity: string, count: number): void
  /** Deploys as another person would (out of band). */
  deployDirect(definitions: ProcessDefinition[], commit: string): StoredDeployment
  activeHashes(): Record<string, string>
  close(): Promise<void>
}

interface StoredVersion {
  version: number
  hash: string
  definition: ProcessDefinition
  sourceCommit: string
  deploymentId: string
}
interface StoredProcess {
  id: string
  name: string
  state: 'active' | 'fade-away' | 'inactive'
  activeVersion: number | null
  versions: StoredVersion[]
}
interface StoredDeployment {
  id: string
  basedOn: string | null
  source: { commit: string; ref: string; author: string }
  plan: { processId: string; op: string; hash: string | null; version: number | null }[]
  createdAt: string
}

const deploymentBody = z.strictObject({
  definitions: z.array(processDefinitionSchema),
  source: z.strictObject({ commit: z.string(), ref: z.string(), author: z.string() }),
  basedOn: z.string().nullable().optional(),
  dryRun: z.boolean().optional(),
})

export async function startLocalEngine(): Promise<LocalEngine> {
  const processes = new Map<string, StoredProcess>()
  const instances: { id: string; processId: string; version: string; status: string; activity: string }[] = []
  const engine: Omit<LocalEngine, 'url' | 'close'> = {
    requests: [],
    deployments: [],
    down: false,
    addInstances(processId, version, activity, count) {
      for (let i = 0; i < count; i++) {
        instances.push({ id: `i${instances.length + 1}`, processId, version: String(version), status: 'running', activity })
      }
    },
    deployDirect: (definitions, commit) => deploy(definitions, { commit, ref: 'manual', author: 'someone' }, null, false),
    activeHashes() {
      const out: Record<string, string> = {}
      for (const p of processes.values()) {
        const v = p.versions.find((x) => x.version === p.activeVersion)
        if (v && p.state === 'active') out[p.id] = v.hash
      }
      return out
    },
  }

  function deploy(definitions: ProcessDefinition[], source: StoredDeployment['source'], basedOn: string | null, dryRun: boolean): StoredDeployment {
    const id = `dep-${engine.deployments.length + 1}`
    const plan: StoredDeployment['plan'] = []
    const wanted = new Set(definitions.map((d) => d.id))
    for (const definition of definitions) {
      const hash = contentHash(definition)
      const p = processes.get(definition.id) ?? { id: definition.id, name: definition.name, state: 'active' as const, activeVersion: null, versions: [] }
      const active = p.versions.find((v) => v.version === p.activeVersion)
      const existing = p.versions.find((v) => v.hash === hash)
      let op = 'create'
      let version: number
      if (active?.hash === hash && p.state === 'active') (op = 'unchanged'), (version = active.version)
      else if (existing) (op = 'rollback'), (version = existing.version)
      else {
        op = p.versions.length === 0 ? 'create' : 'update'
        version = p.versions.length + 1
        if (!dryRun) p.versions.push({ version, hash, definition, sourceCommit: source.commit, deploymentId: id })
      }
      if (!dryRun) Object.assign(p, { activeVersion: version, state: 'active', name: definition.name }), processes.set(p.id, p)
      plan.push({ processId: p.id, op, hash, version })
    }
    for (const p of processes.values()) {
      if (wanted.has(p.id) || p.state !== 'active') continue
      if (!dryRun) p.state = 'fade-away'
      plan.push({ processId: p.id, op: 'fade-away', hash: null, version: p.activeVersion })
    }
    const deployment = { id, basedOn, source, plan, createdAt: new Date(Date.UTC(2030, 0, 1, 0, 0, engine.deployments.length)).toISOString() }
    if (!dryRun) engine.deployments.push(deployment)
    return deployment
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    engine.requests.push(`${req.method} ${url.pathname}`)
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    }
    const fail = (status: number, code: string, message: string): void => send(status, { error: { code, message }, requestId: 'r1' })
    if (engine.down) return fail(503, 'ENGINE_UNAVAILABLE', 'starting')
    const parts = url.pathname.split('/').filter(Boolean).slice(2)
    if (req.method === 'GET' && url.pathname === '/api/v1/processes') {
      return send(200, { processes: [...processes.values()].map((p) => ({ id: p.id, name: p.name, state: p.state, activeVersion: p.activeVersion, activeHash: p.versions.find((v) => v.version === p.activeVersion)?.hash ?? null })) })
    }
    if (req.method === 'GET' && parts[0] === 'processes' && parts[2] === 'versions' && parts[3]) {
      const v = processes.get(parts[1]!)?.versions.find((x) => x.version === Number(parts[3]))
      return v ? send(200, { processId: parts[1], ...v }) : fail(404, 'NOT_FOUND', 'no such version')
    }
    if (req.method === 'GET' && url.pathname === '/api/v1/instances') {
      const process = url.searchParams.get('process')
      const state = url.searchParams.get('state')
      return send(200, { instances: instances.filter((i) => (!process || i.processId === process) && (!state || i.status === state)) })
    }
    if (req.method === 'GET' && url.pathname === '/api/v1/deployments') return send(200, { deployments: [...engine.deployments].reverse() })
    if (req.method === 'POST' && url.pathname === '/api/v1/deployments') {
      const chunks: Buffer[] = []
      for await (const c of req) chunks.push(c as Buffer)
      const body = deploymentBody.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')))
      if (!body.success) return fail(400, 'DEFINITION_INVALID', body.error.message)
      const latest = engine.deployments.at(-1)?.id ?? null
      if (body.data.basedOn !== undefined && body.data.basedOn !== latest) {
        return fail(409, 'VERSION_CONFLICT', `based on ${String(body.data.basedOn)} but the latest deployment is ${String(latest)}`)
      }
      return send(201, deploy(body.data.definitions, body.data.source, body.data.basedOn ?? null, body.data.dryRun ?? false))
    }
    fail(404, 'NOT_FOUND', `no route ${req.method} ${url.pathname}`)
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => res.writeHead(500).end(String(err)))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(engine, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  })
}
