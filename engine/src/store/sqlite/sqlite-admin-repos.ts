import { targetSnapshotSchema, type TargetSnapshot } from '@ablauf/sdk/target'
import { deepFreeze } from '../parsed-cache.js'
import type { TargetRepo, TokenRepo } from '../store-port.js'
import type { ApiTokenRow } from '../store-rows.js'
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
 * The SQLite target-snapshot repository (one row). Every step reads it, so the last text and its parsed
 * snapshot (frozen) are kept: comparing two texts is cheap, hashing a long one as a map key is not.
 */
export function sqliteTargetRepo(db: StatementCache): TargetRepo {
  let last: { text: string; snapshot: TargetSnapshot } | undefined
  return {
    async get() {
      const r = db.one<{ snapshot: string }>('SELECT snapshot FROM target WHERE id = 1')
      if (r === undefined) return undefined
      if (last?.text !== r.snapshot) last = { text: r.snapshot, snapshot: deepFreeze(readJson(targetSnapshotSchema, r.snapshot, 'target snapshot')) }
      return last.snapshot
    },
    async put(target, now) {
      db.run(
        `INSERT INTO target (id, snapshot, updated_at) VALUES (1, ?, ?)
         ON CONFLICT (id) DO UPDATE SET snapshot = excluded.snapshot, updated_at = excluded.updated_at`,
        writeJson(target), now,
      )
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
