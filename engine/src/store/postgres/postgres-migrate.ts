import { AblaufError } from '@ablauf/sdk/errors'
import type { PostgresMigration } from './postgres-migrations.js'
import type { PgSession } from './postgres-session.js'

/** Key of the advisory lock that serialises migrations of engines starting at once ("ablauf" in ASCII). */
export const MIGRATION_LOCK_KEY = 0x61626c617566

/**
 * Applies the migrations not yet applied, in one transaction, under an advisory lock: of several
 * engines starting at once on an empty database one migrates, the others wait and find nothing to
 * do. Returns how many are applied now. The caller gives a session outside any transaction.
 */
export async function migratePostgres(db: PgSession, migrations: readonly PostgresMigration[], now: string): Promise<number> {
  await db.run('BEGIN')
  try {
    await db.run('SELECT pg_advisory_xact_lock($1)', MIGRATION_LOCK_KEY)
    await db.run(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
    const applied = new Set((await db.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version))
    const known = new Set(migrations.map((m) => m.version))
    const unknown = [...applied].filter((v) => !known.has(v))
    if (unknown.length > 0) {
      throw new AblaufError('ENGINE_UNAVAILABLE', `the database has migrations this engine does not know (${unknown.join(', ')}); upgrade the engine`)
    }
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(m.version)) continue
      await db.run(m.sql)
      await db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', m.version, m.name, now)
    }
    await db.run('COMMIT')
  } catch (err) {
    await db.run('ROLLBACK').catch(() => undefined)
    throw err
  }
  return appliedPostgresCount(db)
}

/** Number of applied migrations. */
export async function appliedPostgresCount(db: PgSession): Promise<number> {
  return (await db.one<{ n: number }>('SELECT COUNT(*)::int AS n FROM schema_migrations'))?.n ?? 0
}
