import type { ProcessDefinition } from '@ablauf/sdk/definition'
import { AblaufError } from '@ablauf/sdk/errors'
import type { EngineClient } from '../../engine-client/index.js'

/**
 * A deployed definition from the engine: the given version, or the process's active version.
 * The engine client validates the response (`{ definition, … }`) with zod.
 *
 * @example
 * ```ts
 * const def = await fetchDefinition(createEngineClient({ baseUrl, token, logger }), 'incident-triage')
 * ```
 */
export async function fetchDefinition(engine: EngineClient, processId: string, version?: number): Promise<{ definition: ProcessDefinition; version: number }> {
  let v = version
  if (v === undefined) {
    const found = (await engine.listProcesses()).find((p) => p.id === processId)
    if (!found) throw new AblaufError('NOT_FOUND', `process "${processId}" is not deployed on ${engine.baseUrl}`)
    if (found.activeVersion === null) throw new AblaufError('NOT_FOUND', `process "${processId}" has no active version on ${engine.baseUrl}; pass --version N`)
    v = found.activeVersion
  }
  const r = await engine.getVersion(processId, v)
  return { definition: r.definition, version: r.version }
}
