import { targetSnapshotSchema, type TargetSnapshot } from '@ablauf/sdk/target'
import type { ParsedCache } from '../parsed-cache.js'
import type { TargetRepo, TokenRepo } from '../store-port.js'
import type { ApiTokenRow } from '../store-rows.js'
import { readJsonb, writeJsonb } from './postgres-json.js'
import { scopesSchema } from '../stored-row-schemas.js'
import type { PgSession } from './postgres-session.js'

interface TokenRecord {
  name: string
  hash: string
  scopes: unknown
  created_at: string
}

const toToken = (r: TokenRecord): ApiTokenRow => ({
  name: r.name,
  hash: r.hash,
  scopes: readJsonb(scopesSchema, r.scopes, `scopes of token ${r.name}`),
  createdAt: r.created_at,
})

/**
 * The PostgreSQL target-snapshot repository (one row). Every step reads it, so the snapshot is fetched
 * and parsed only when its digest is new.
 */
export function postgresTargetRepo(db: PgSession, parsed: ParsedCache<TargetSnapshot>): TargetRepo {
  return {
    async get() {
      const r = await db.one<{ digest: string }>('SELECT md5(snapshot::text) AS digest FROM target WHERE id = 1')
      if (r === undefined) return undefined
      const hit = parsed.get(r.digest)
      if (hit !== undefined) return hit
      const row = await db.one<{ snapshot: unknown; digest: string }>('SELECT snapshot, md5(snapshot::text) AS digest FROM target WHERE id = 1')
      return row === undefined ? undefined : parsed.set(row.digest, readJsonb(targetSnapshotSchema, row.snapshot, 'target snapshot'))
    },
    async put(target, now) {
      await db.run(
        `INSERT INTO target (id, snapshot, updated_at) VALUES (1, $1::jsonb, $2)
         ON CONFLICT (id) DO UPDATE SET snapshot = excluded.snapshot, updated_at = excluded.updated_at`,
        writeJsonb(target), now,
      )
    },
  }
}

/** The PostgreSQL API-token repository (hashes only). */
export function postgresTokenRepo(db: PgSession): TokenRepo {
  return {
    async put(t) {
      await db.run(
        `INSERT INTO api_tokens (name, hash, scopes, created_at) VALUES ($1, $2, $3::jsonb, $4)
         ON CONFLICT (name) DO UPDATE SET hash = excluded.hash, scopes = excluded.scopes`,
        t.name, t.hash, writeJsonb(t.scopes), t.createdAt,
      )
    },
    async findByHash(hash) {
      const r = await db.one<TokenRecord>('SELECT * FROM api_tokens WHERE hash = $1', hash)
      return r === undefined ? undefined : toToken(r)
    },
    async list() {
      return (await db.all<TokenRecord>('SELECT * FROM api_tokens ORDER BY name COLLATE "C"')).map(toToken)
    },
    async remove(name) {
      return (await db.run('DELETE FROM api_tokens WHERE name = $1', name)) > 0
    },
  }
}
