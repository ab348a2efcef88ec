import type Database from 'better-sqlite3'
import { AblaufError } from '@ablauf/sdk/errors'
import type { Migration } from './sqlite-migrations.js'

/** Applies the migrations not yet applied, all in one transaction; returns how many are applied now. */
export function migrate(db: Database.Database, migrations: readonly Migration[], now: string): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
  const apply = db.transaction(() => {
    const applied = new Set(
      (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
    )
    const known = new Set(migrations.map((m) => m.version))
    const unknown = [...applied].filter((v) => !known.has(v))
    if (unknown.length > 0) {
      throw new AblaufError('ENGINE_UNAVAILABLE', `the database has migrations this engine does not know (${unknown.join(', ')}); upgrade the engine`)
    }
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(m.version)) continue
      db.exec(m.sql)
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, now)
    }
  })
  apply.immediate()
  return appliedCount(db)
}

/** Number of applied migrations. */
export function appliedCount(db: Database.Database): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n
}
