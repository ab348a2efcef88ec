import { contentHash, type ProcessDefinition } from '@ablauf/sdk/definition'
import { diffDefinitions } from './semantic-diff.js'
import { NO_RUNNING, type DeployedProcess, type Plan, type PlanStep, type RunningInstances } from './plan-types.js'

/** What the engine reported besides the deployed processes. */
export interface DiffContext {
  /** Running tickets per process id (only updated and faded-away processes need an entry). */
  running?: ReadonlyMap<string, RunningInstances>
  /** The latest deployment id the deployed state was read at. */
  basedOn?: string | null
}

/**
 * The plan that takes the engine from `deployed` to `desired`, one step per process: `create` (new id),
 * `update` (different content hash, with the semantic changes), `unchanged` (same hash: no work) or
 * `fade-away` (active on the engine, absent from `desired`). Pure; steps are sorted by process id.
 *
 * @example
 * ```ts
 * const plan = diffProcesses(compiled.map((p) => p.definition), deployed)
 * plan.summary // { create: 1, update: 2, unchanged: 5, fadeAway: 0, runningOnOldVersions: 37 }
 * ```
 */
export function diffProcesses(desired: readonly ProcessDefinition[], deployed: readonly DeployedProcess[], context: DiffContext = {}): Plan {
  const running = (id: string): RunningInstances => context.running?.get(id) ?? NO_RUNNING
  const byId = new Map(deployed.map((d) => [d.id, d]))
  const wanted = new Set(desired.map((d) => d.id))
  const steps: PlanStep[] = []
  for (const after of desired) {
    const hash = contentHash(after)
    const current = byId.get(after.id)
    if (current === undefined || current.hash === null) {
      steps.push({ op: 'create', processId: after.id, name: after.name, hash, after })
    } else if (current.hash === hash && current.state === after.state) {
      steps.push({ op: 'unchanged', processId: after.id, name: after.name, version: current.version, hash })
    } else {
      const before = current.hash === hash ? after : current.definition
      const changes = before === null ? [] : diffDefinitions(before, after)
      if (current.state !== after.state) changes.unshift({ subject: 'process', change: 'changed', properties: [`state ${current.state} → ${after.state}`] })
      steps.push({
        op: 'update',
        processId: after.id,
        name: after.name,
        fromVersion: current.version,
        fromHash: current.hash,
        hash,
        changes,
        before,
        after,
        running: running(after.id),
      })
    }
  }
  for (const d of deployed) {
    if (wanted.has(d.id) || d.state !== 'active') continue
    steps.push({ op: 'fade-away', processId: d.id, version: d.version, hash: d.hash, running: running(d.id) })
  }
  steps.sort((a, b) => (a.processId < b.processId ? -1 : a.processId > b.processId ? 1 : 0))
  return { basedOn: context.basedOn ?? null, steps, summary: summarize(steps) }
}

function summarize(steps: readonly PlanStep[]): Plan['summary'] {
  const summary = { create: 0, update: 0, unchanged: 0, fadeAway: 0, runningOnOldVersions: 0 }
  for (const s of steps) {
    if (s.op === 'create') summary.create++
    else if (s.op === 'unchanged') summary.unchanged++
    else {
      if (s.op === 'update') summary.update++
      else summary.fadeAway++
      summary.runningOnOldVersions += s.running.total
    }
  }
  return summary
}
