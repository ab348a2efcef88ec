import { targetSnapshotSchema } from '@ablauf/sdk/target'
import { deepFreeze } from '../parsed-cache.js'
import type { TargetRepo, TokenRepo } from '../store-port.js'
import type { ApiTokenRow } from '../store-rows.js'
import type { RowCaches } from './row-caches.js'
import type { StatementCache } from './statement-cache.js'
import { readJson, writeJson } from './stored-json.js'
import { scopesSchema } from '../stored-row-schemas.js'


interface TokenRecord {
  name: string
  hash: string
  scopes: string
  created_at: string
}

const toToken = (r: TokenRecord): ApiTokenRow => ({
  name: r.name,
  hash: r.hash,
  scopes: readJson(scopesSchema, r.scopes, `scopes of token ${r.name}`),
  createdAt: r.created_at,
})

/**
 * The SQLite target-snapshot repository (one row). Every step reads it, so its text and parsed snapshot
 * (frozen) are kept in `caches`; when they may be stale the text is read again and the parse reused if
 * it is equal (comparing two texts is cheap, parsing one is not).
 */
export function sqliteTargetRepo(db: StatementCache, caches: RowCaches): TargetRepo {
  return {
    async get() {
      if (caches.target?.current === true) return caches.target.snapshot
      const r = db.one<{ snapshot: string }>('SELECT snapshot FROM target WHERE id = 1')
      if (r === undefined) return undefined
      if (caches.target?.text === r.snapshot) caches.target.current = true
      else caches.target = { text: r.snapshot, snapshot: deepFreeze(readJson(targetSnapshotSchema, r.snapshot, 'target snapshot')), current: true }
      return caches.target.snapshot
    },
    async put(target, now) {
      const text = writeJson(target)
      db.run(
        `INSERT INTO target (id, snapshot, updated_at) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET snapshot = excluded.snapshot, updated_at = excluded.updated_at`,
        text, now,
      )
      caches.writes += 1
      // Read back (and parsed) on the next get: the stored text is what every reader must see.
      if (caches.target !== undefined && caches.target.text !== text) caches.target.current = false
    },
  }
}

/** The SQLite API-token repository (hashes only). */
export function sqliteTokenRepo(db: StatementCache): TokenRepo {
  return {
    async put(t) {
      db.run(
        `INSERT INTO api_tokens (name, hash, scopes, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET hash = excluded.hash, scopes = excluded.scopes`,
        t.name, t.hash, writeJson(t.scopes), t.createdAt,
      )
    },
    async findByHash(hash) {
      const r = db.one<TokenRecord>('SELECT * FROM api_tokens WHERE hash = ?', hash)
      return r === undefined ? undefined : toToken(r)
    },
    async list() {
      return db.all<TokenRecord>('SELECT * FROM api_tokens ORDER BY name').map(toToken)
    },
    async remove(name) {
      return db.run('DELETE FROM api_tokens WHERE name = ?', name).changes > 0
    },
  }
}
