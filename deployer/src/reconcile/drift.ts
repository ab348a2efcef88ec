import type { DeployedProcessSummary } from '../engine-client/index.js'

/** One process whose active version on the engine is not what the last applied commit deployed. */
export interface Drift {
  processId: string
  problem: 'missing' | 'different-version' | 'not-active' | 'unexpected'
  expected: string | null
  actual: string | null
}

/** Compares the hashes the last applied commit deployed with the engine's active versions. */
export function findDrift(expected: Readonly<Record<string, string>>, processes: readonly DeployedProcessSummary[]): Drift[] {
  const drift: Drift[] = []
  const byId = new Map(processes.map((p) => [p.id, p]))
  for (const [processId, hash] of Object.entries(expected).sort()) {
    const p = byId.get(processId)
    if (p === undefined) drift.push({ processId, problem: 'missing', expected: hash, actual: null })
    else if (p.state !== 'active') drift.push({ processId, problem: 'not-active', expected: hash, actual: p.activeHash })
    else if (p.activeHash !== hash) drift.push({ processId, problem: 'different-version', expected: hash, actual: p.activeHash })
  }
  for (const p of processes) {
    if (p.state === 'active' && expected[p.id] === undefined) {
      drift.push({ processId: p.id, problem: 'unexpected', expected: null, actual: p.activeHash })
    }
  }
  return drift
}
