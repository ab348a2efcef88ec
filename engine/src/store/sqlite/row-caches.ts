import type { ProcessInstance } from '@ablauf/sdk/runtime'
import { ParsedCache } from '../parsed-cache.js'
import type { Ticket } from '../store-rows.js'
import type { TargetSnapshot } from '@ablauf/sdk/target'

/**
 * The rows the SQLite store keeps in memory between transactions. Its one connection writes every
 * change through them, so they stay what the database holds until a rollback (of one logical
 * transaction or a group) or another connection's commit (`PRAGMA data_version`) may have made them
 * stale: then they are dropped whole. Every step reads its ticket and instance several times; these
 * reads are what the caches save.
 */
export interface RowCaches {
  tickets: ParsedCache<Ticket>
  instances: ParsedCache<ProcessInstance>
  /** The stored target snapshot's text and parse (a miss re-reads the text, reusing the parse when it is equal). */
  target: { text: string; snapshot: TargetSnapshot; current: boolean } | undefined
  /** Counts writes through the caches, so a rollback of a transaction that wrote none can keep them. */
  writes: number
  /** Marks everything stale. */
  drop(): void
}

/** Row caches holding at most `max` tickets and as many instances (least recently used go first). */
export function createRowCaches(max = 4096): RowCaches {
  const caches: RowCaches = {
    tickets: new ParsedCache<Ticket>(max),
    instances: new ParsedCache<ProcessInstance>(max),
    target: undefined,
    writes: 0,
    drop() {
      caches.tickets.clear()
      caches.instances.clear()
      if (caches.target !== undefined) caches.target.current = false
    },
  }
  return caches
}
