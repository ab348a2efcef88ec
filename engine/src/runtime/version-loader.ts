import { AblaufError } from '@ablauf/sdk/errors'
import type { StoreTx } from '../store/store-port.js'
import type { LoadedVersion } from './runtime-options.js'

/**
 * Loads process versions by content hash. Versions are immutable, so they are cached for the life of
 * the runtime (per runtime, not per module).
 */
export function createVersionLoader(): {
  byHash(tx: StoreTx, processId: string, hash: string): Promise<LoadedVersion>
  active(tx: StoreTx, processId: string): Promise<LoadedVersion>
} {
  const cache = new Map<string, LoadedVersion>()
  const byHash = async (tx: StoreTx, processId: string, hash: string): Promise<LoadedVersion> => {
    const key = `${processId}@${hash}`
    const hit = cache.get(key)
    if (hit !== undefined) return hit
    const stored = await tx.processes.getVersionByHash(processId, hash)
    if (stored === undefined) throw new AblaufError('NOT_FOUND', `process "${processId}" has no version ${hash.slice(0, 12)}`, { processId, version: hash })
    const loaded = { definition: stored.definition, hash: stored.hash }
    cache.set(key, loaded)
    return loaded
  }
  return {
    byHash,
    async active(tx, processId) {
      const row = await tx.processes.get(processId)
      if (row?.activeHash === null || row?.activeHash === undefined) {
        throw new AblaufError('NOT_FOUND', `process "${processId}" has no active version`, { processId })
      }
      return byHash(tx, processId, row.activeHash)
    },
  }
}
