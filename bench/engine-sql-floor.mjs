// The SQLite floor of the seed flow: every statement the in-process run sends to SQLite is recorded (SQL
// text and parameters, transaction control included), then replayed in a tight loop on a freshly migrated
// file with the engine's pragmas. The replay's time per instance is what SQLite alone costs on this
// machine: one connection can never complete more instances per second than 1 s / that time, whatever
// the JavaScript around it does.
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqliteStore } from '../engine/dist/store/sqlite/sqlite-store.js'
import { runInProcess } from './engine-ablauf.mjs'

/** Wraps run/get/all of every better-sqlite3 statement; returns the trace and a stop function. */
function recordStatements() {
  const probe = new Database(':memory:')
  const proto = Object.getPrototypeOf(probe.prepare('SELECT 1'))
  probe.close()
  const trace = []
  const originals = {}
  for (const method of ['run', 'get', 'all']) {
    const original = proto[method]
    originals[method] = original
    proto[method] = function (...params) {
      trace.push([method, this.source, params])
      return original.apply(this, params)
    }
  }
  return { trace, stop: () => Object.assign(proto, originals) }
}

/** Replays `trace` on a fresh store file; resolves with the time it took (ms) and the statements run. */
async function replay(trace) {
  const dir = mkdtempSync(join(tmpdir(), 'ablauf-sql-floor-'))
  try {
    const file = join(dir, 'replay.db')
    await openSqliteStore({ path: file }).close()
    const db = new Database(file)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    // The engine checkpoints on another thread; the floor is the step thread's share.
    db.pragma('wal_autocheckpoint = 0')
    const prepared = new Map()
    const statements = trace.filter(([, sql]) => !sql.startsWith('PRAGMA') && !sql.includes('schema_migrations'))
    for (const [, sql] of statements) if (!prepared.has(sql)) prepared.set(sql, db.prepare(sql))
    let failed = 0
    const started = performance.now()
    for (const [method, sql, params] of statements) {
      try {
        prepared.get(sql)[method](...params)
      } catch {
        failed += 1
      }
    }
    const ms = performance.now() - started
    db.close()
    return { ms, statements: statements.length, failed }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Runs `instances` seed-flow instances in-process while recording, then replays their SQL. */
export async function measureSqlFloor({ erpUrl, instances }) {
  const recorder = recordStatements()
  let completed
  try {
    completed = (await runInProcess({ erpUrl, durationMs: 60_000, max: instances, concurrency: 256 })).latencies.length
  } finally {
    recorder.stop()
  }
  const { ms, statements, failed } = await replay(recorder.trace)
  if (failed > 0) throw new Error(`${failed} statements failed on replay`)
  return { instances: completed, usPerInstance: (ms * 1000) / completed, statementsPerInstance: statements / completed }
}
