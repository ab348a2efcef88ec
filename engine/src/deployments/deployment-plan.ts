import { contentHash, type ProcessDefinition } from '@ablauf/sdk'
import type { StoreTx } from '../store/store-port.js'
import type { DeploymentPlanStep, ProcessRow } from '../store/store-rows.js'

/** A plan step with what applying it needs. */
export interface PlannedProcess {
  step: DeploymentPlanStep
  definition: ProcessDefinition | null
  /** True when applying stores a new version. */
  newVersion: boolean
  current: ProcessRow | undefined
}

/**
 * What deploying `definitions` would do, per process: create, update (a new version or a state
 * change), rollback (reactivate a version stored before), unchanged, or fade-away (left out).
 * Reads only; plans are data.
 */
export async function planDeployment(tx: StoreTx, definitions: readonly ProcessDefinition[]): Promise<PlannedProcess[]> {
  const planned: PlannedProcess[] = []
  const wanted = new Set<string>()
  for (const definition of definitions) {
    wanted.add(definition.id)
    const hash = contentHash(definition)
    const current = await tx.processes.get(definition.id)
    const known = current === undefined ? undefined : await tx.processes.getVersionByHash(definition.id, hash)
    const previousVersion = current?.activeVersion ?? null
    const base = { processId: definition.id, hash, previousVersion }
    if (current === undefined) {
      planned.push({ step: { ...base, op: 'create', version: 1 }, definition, newVersion: true, current })
    } else if (known === undefined) {
      const next = (await tx.processes.listVersions(definition.id)).length + 1
      planned.push({ step: { ...base, op: 'update', version: next }, definition, newVersion: true, current })
    } else if (current.activeHash === hash && current.state === definition.state) {
      planned.push({ step: { ...base, op: 'unchanged', version: known.version }, definition, newVersion: false, current })
    } else {
      const op = current.activeHash === hash ? 'update' : 'rollback'
      planned.push({ step: { ...base, op, version: known.version }, definition, newVersion: false, current })
    }
  }
  for (const current of await tx.processes.list()) {
    if (wanted.has(current.id) || current.state !== 'active') continue
    planned.push({
      step: { processId: current.id, op: 'fade-away', hash: current.activeHash, version: current.activeVersion, previousVersion: current.activeVersion },
      definition: null,
      newVersion: false,
      current,
    })
  }
  return planned
}

/** True when a plan changes anything. */
export function planChanges(plan: readonly PlannedProcess[]): boolean {
  return plan.some((p) => p.step.op !== 'unchanged')
}
