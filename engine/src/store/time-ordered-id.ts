import { randomFillSync } from 'node:crypto'

const pool = Buffer.alloc(4096)
let poolAt = pool.length

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then 74 random bits. Ids of tickets,
 * instances and tasks are primary keys and indexed in several tables; time-ordered ids land next to
 * each other in those B-trees, where random v4 ids dirty a different page per row (and every dirty page
 * is written to the WAL at commit).
 */
export function timeOrderedId(now: number = Date.now()): string {
  if (poolAt + 10 > pool.length) {
    randomFillSync(pool)
    poolAt = 0
  }
  const bytes = Buffer.allocUnsafe(16)
  bytes.writeUIntBE(now, 0, 6)
  pool.copy(bytes, 6, poolAt, poolAt + 10)
  poolAt += 10
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f)
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f)
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
