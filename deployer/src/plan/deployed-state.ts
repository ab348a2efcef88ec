import type { DeployedProcessSummary, EngineClient, InstanceSummary } from '../engine-client/index.js'
import type { DeployedProcess, DesiredProcess, RunningInstances } from './plan-types.js'

/** Everything a plan needs from the engine, read in one go. */
export interface DeployedState {
  basedOn: string | null
  deployed: DeployedProcess[]
  running: Map<string, RunningInstances>
}

const CONCURRENCY = 8

/**
 * Reads what the engine runs. The latest deployment id is read first, so a deployment that lands while
 * reading makes `basedOn` stale (and apply re-plans) rather than hiding it. Definitions are fetched only
 * for processes whose active hash differs from the desired one; running tickets only for processes
 * that would get a new version or fade away.
 */
export async function readDeployedState(engine: EngineClient, desired: readonly DesiredProcess[]): Promise<DeployedState> {
  const latest = await engine.latestDeployment()
  const summaries = await engine.listProcesses()
  const wanted = new Map(desired.map((d) => [d.definition.id, d.hash]))
  const deployed = await mapLimit(summaries, CONCURRENCY, async (s): Promise<DeployedProcess> => {
    const want = wanted.get(s.id)
    const needsDefinition = want !== undefined && s.activeVersion !== null && s.activeHash !== want
    const definition = needsDefinition ? (await engine.getVersion(s.id, s.activeVersion!)).definition : null
    return { id: s.id, state: s.state, version: s.activeVersion, hash: s.activeHash, definition }
  })
  const affected = summaries.filter((s) => isAffected(s, wanted))
  const running = new Map<string, RunningInstances>()
  await mapLimit(affected, CONCURRENCY, async (s) => {
    const instances = await engine.listInstances({ process: s.id, state: 'running' })
    // Instances name their version by content hash; show the version number where the engine knows it.
    const numbers = instances.length === 0 ? new Map<string, string>() : new Map((await engine.listVersions(s.id)).map((v) => [v.hash, String(v.version)]))
    running.set(s.id, groupRunning(instances, (v) => numbers.get(v) ?? v))
  })
  return { basedOn: latest?.id ?? null, deployed, running }
}

function isAffected(s: DeployedProcessSummary, wanted: ReadonlyMap<string, string>): boolean {
  if (s.activeHash === null) return false
  const want = wanted.get(s.id)
  return want === undefined ? s.state === 'active' : want !== s.activeHash
}

/** Groups running instances by version, then by activity (most tickets first). */
export function groupRunning(instances: readonly InstanceSummary[], versionLabel: (version: string) => string = (v) => v): RunningInstances {
  const versions = new Map<string, Map<string, number>>()
  for (const i of instances) {
    const version = versionLabel(i.version)
    const activities = versions.get(version) ?? new Map<string, number>()
    const activity = i.activity ?? '(none)'
    activities.set(activity, (activities.get(activity) ?? 0) + 1)
    versions.set(version, activities)
  }
  const list = [...versions].map(([version, activities]) => {
    const rows = [...activities].map(([activity, count]) => ({ activity, count }))
    rows.sort((a, b) => b.count - a.count || (a.activity < b.activity ? -1 : 1))
    return { version, count: rows.reduce((n, r) => n + r.count, 0), activities: rows }
  })
  list.sort((a, b) => compareVersions(b.version, a.version))
  return { total: instances.length, versions: list }
}

function compareVersions(a: string, b: string): number {
  const na = Number(a)
  const nb = Number(b)
  if (Number.isInteger(na) && Number.isInteger(nb)) return na - nb
  return a < b ? -1 : a > b ? 1 : 0
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      out[index] = await fn(items[index]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}
