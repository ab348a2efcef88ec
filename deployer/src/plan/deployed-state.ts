import type { EngineClient } from '../engine-client/index.js'
import type { DeployedProcess, DesiredProcess, RunningInstances } from './plan-types.js'

/** Everything a plan needs from the engine, read in one go. */
export interface DeployedState {
  basedOn: string | null
  deployed: DeployedProcess[]
  running: Map<string, RunningInstances>
}

/** Instances of one version in one activity; `count` defaults to 1 (one instance). */
export interface RunningCount {
  version: string
  activity?: string | null | undefined
  count?: number
}

/**
 * Reads what the engine runs in three requests, however many processes it holds: the latest
 * deployment first (so a deployment that lands while reading makes `basedOn` stale and apply re-plans
 * rather than hiding it), then every process with its active definition and the running instances
 * counted per process, version and activity.
 */
export async function readDeployedState(engine: EngineClient, desired: readonly DesiredProcess[]): Promise<DeployedState> {
  const latest = await engine.latestDeployment()
  const [processes, counts] = await Promise.all([engine.listProcessesWithDefinitions(), engine.runningInstanceCounts()])
  const wanted = new Map(desired.map((d) => [d.definition.id, d.hash]))
  const deployed = processes.map((p): DeployedProcess => {
    const want = wanted.get(p.id)
    // Definitions are kept only where the plan diffs them: a desired process whose hash differs.
    const definition = want !== undefined && p.activeHash !== want ? p.definition : null
    return { id: p.id, state: p.state, version: p.activeVersion, hash: p.activeHash, definition }
  })
  const affected = new Set(processes.filter((p) => isAffected(p, wanted)).map((p) => p.id))
  const byProcess = new Map<string, RunningCount[]>()
  for (const c of counts) {
    if (!affected.has(c.processId)) continue
    const list = byProcess.get(c.processId) ?? []
    // Instances name their version by content hash; show the version number where the engine knows it.
    list.push({ version: c.versionNumber === null ? c.version : String(c.versionNumber), activity: c.activity, count: c.count })
    byProcess.set(c.processId, list)
  }
  const running = new Map([...byProcess].map(([id, list]) => [id, groupRunning(list)]))
  return { basedOn: latest?.id ?? null, deployed, running }
}

function isAffected(s: { state: string; activeHash: string | null; id: string }, wanted: ReadonlyMap<string, string>): boolean {
  if (s.activeHash === null) return false
  const want = wanted.get(s.id)
  return want === undefined ? s.state === 'active' : want !== s.activeHash
}

/** Groups running instances (or counts of them) by version, then by activity (most tickets first). */
export function groupRunning(instances: readonly RunningCount[]): RunningInstances {
  const versions = new Map<string, Map<string, number>>()
  let total = 0
  for (const i of instances) {
    const n = i.count ?? 1
    const activities = versions.get(i.version) ?? new Map<string, number>()
    const activity = i.activity ?? '(none)'
    activities.set(activity, (activities.get(activity) ?? 0) + n)
    versions.set(i.version, activities)
    total += n
  }
  const list = [...versions].map(([version, activities]) => {
    const rows = [...activities].map(([activity, count]) => ({ activity, count }))
    rows.sort((a, b) => b.count - a.count || (a.activity < b.activity ? -1 : 1))
    return { version, count: rows.reduce((n, r) => n + r.count, 0), activities: rows }
  })
  list.sort((a, b) => compareVersions(b.version, a.version))
  return { total, versions: list }
}

function compareVersions(a: string, b: string): number {
  const na = Number(a)
  const nb = Number(b)
  if (Number.isInteger(na) && Number.isInteger(nb)) return na - nb
  return a < b ? -1 : a > b ? 1 : 0
}
