import type { ProcessDefinition } from '@ablauf/sdk/definition'
import { contentHash } from '@ablauf/sdk/definition'
import type { EngineClient } from '../engine-client/index.js'
import { readDeployedState } from './deployed-state.js'
import { diffProcesses } from './diff-processes.js'
import type { Plan } from './plan-types.js'

/** Reads what the engine runs and diffs `desired` against it. */
export async function planAgainstEngine(engine: EngineClient, desired: readonly ProcessDefinition[]): Promise<Plan> {
  const withHashes = desired.map((definition) => ({ definition, hash: contentHash(definition) }))
  const state = await readDeployedState(engine, withHashes)
  return diffProcesses(desired, state.deployed, { running: state.running, basedOn: state.basedOn })
}
