import { AsyncLocalStorage } from 'node:async_hooks'
import Database from 'better-sqlite3'
import type { ProcessDefinition } from '@ablauf/sdk/definition'
import { AblaufError } from '@ablauf/sdk/errors'
import { ParsedCache } from '../parsed-cache.js'
import type { Store, StoreHealth, StoreTx, TransactionOptions } from '../store-port.js'
import { AsyncMutex } from './async-mutex.js'
import { createGroupCommit } from './group-commit.js'
import { createRowCaches } from './row-caches.js'
import { startWalCheckpointer } from './wal-checkpointer.js'
import { sqliteTargetRepo, sqliteTokenRepo } from './sqlite-admin-repos.js'
import { HistoryBuffer, sqliteEmailRepo, sqliteHistoryRepo } from './sqlite-history-repo.js'
import { sqliteInstanceRepo } from './sqlite-instance-repo.js'
import { sqliteJobRepo } from './sqlite-job-repo.js'
import { appliedCount, migrate } from './sqlite-migrate.js'
import { SQLITE_MIGRATIONS } from './sqlite-migrations.js'
import { sqliteProcessRepo } from './sqlite-process-repo.js'
import { sqliteTaskRepo } from './sqlite-task-repo.js'
import { sqliteTicketRepo } from './sqlite-ticket-repo.js'
import { StatementCache } from './statement-cache.js'

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** The database file (created when missing). */
  path: string
  /** How long a statement waits for another process's lock, in ms. */
  busyTimeoutMs?: number
  /** Timestamp recorded for applied migrations. */
  now?: () => Date
  /** Most transactions committed together (default 128; 1 turns group commit off). */
  maxGroup?: number
  /**
   * Reject a `transaction()` started inside another one (it would wait for itself forever) with
   * `INTERNAL`. Default: on when `NODE_ENV` is `test` (vitest sets it). Off in production because the
   * check needs AsyncLocalStorage, whose promise hooks slow every await of the engine by ~10%.
   */
  detectNesting?: boolean
}

/** The SQLite adapter of the {@link Store} port, plus SQLite-only maintenance. */
export interface SqliteStore extends Store {
  /** Folds the WAL into the main file (`PRAGMA wal_checkpoint(TRUNCATE)`). */
  checkpoint(): Promise<void>
  readonly path: string
}

/**
 * Opens (and migrates) a SQLite store: WAL, busy timeout, foreign keys. better-sqlite3 is synchronous
 * and there is one connection, so transactions run one at a time; those that queue up meanwhile are
 * committed together (see {@link createGroupCommit}).
 *
 * Durability: `synchronous = NORMAL` with WAL — a commit survives the engine process being killed
 * (the crash test), and the database is never corrupted; a power loss or OS crash may lose the last
 * commits before the next WAL checkpoint. `FULL` would fsync every commit.
 */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const db = new Database(options.path)
  try {
    db.pragma('journal_mode = WAL')
    db.pragma(`busy_timeout = ${Math.trunc(options.busyTimeoutMs ?? 5000)}`)
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = NORMAL')
    migrate(db, SQLITE_MIGRATIONS, (options.now?.() ?? new Date()).toISOString())
  } catch (err) {
    db.close()
    throw err
  }
  db.pragma('wal_autocheckpoint = 0')
  db.pragma(`journal_size_limit = ${64 * 1024 * 1024}`)
  const checkpointer = startWalCheckpointer(options.path, 50, () => {
    if (db.open) db.pragma('wal_autocheckpoint = 1000')
  })
  const cache = new StatementCache(db)
  const mutex = new AsyncMutex()
  const inTx = (options.detectNesting ?? process.env.NODE_ENV === 'test') ? new AsyncLocalStorage<true>() : undefined
  let closed = false
  // The checkpointer copies the WAL in the background; once a second this connection checkpoints what is
  // left (little) four times a second, between two groups, so that the next write may start the WAL over instead of growing it.
  // Until one such checkpoint got through (the background one may hold the checkpoint lock), every
  // group tries again.
  let tailCheckpointAt = performance.now()
  const afterGroup = (): void => {
    if (performance.now() - tailCheckpointAt < 250) return
    const [r] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[]
    if (r !== undefined && r.busy === 0 && r.checkpointed >= r.log) tailCheckpointAt = performance.now()
  }
  const caches = createRowCaches()
  const history = new HistoryBuffer()
  let writesAtSavepoint = 0
  // Another connection (a second engine process on the same file, the sqlite3 shell) may have committed
  // since the last group: then no cached row can be trusted. Checked once the group holds the write lock.
  const dataVersion = db.prepare('PRAGMA data_version').pluck()
  let seenDataVersion: unknown
  const afterBegin = (): void => {
    const v = dataVersion.get()
    if (v !== seenDataVersion) {
      seenDataVersion = v
      caches.drop()
    }
  }
  const group = createGroupCommit({
    db, mutex, maxGroup: Math.max(1, options.maxGroup ?? 128), maxGroupMs: 25, closed: () => closed, afterGroup, afterBegin,
    // A logical transaction that wrote nothing through the caches (bad input refused after reads) keeps them.
    afterSavepoint: () => {
      writesAtSavepoint = caches.writes
    },
    afterRollback: (scope) => {
      if (scope === 'group' || caches.writes !== writesAtSavepoint) caches.drop()
      history.discard(scope)
    },
    afterRelease: () => history.release(),
    beforeCommit: () => history.flush(cache),
  })

  // One connection, so the repositories are made once; only `afterCommit` belongs to a transaction.
  const repos: Omit<StoreTx, 'afterCommit'> = {
    tickets: sqliteTicketRepo(cache, caches),
    instances: sqliteInstanceRepo(cache, caches),
    userTasks: sqliteTaskRepo(cache),
    jobs: sqliteJobRepo(cache),
    history: sqliteHistoryRepo(cache, history),
    emails: sqliteEmailRepo(cache),
    processes: sqliteProcessRepo(cache, new ParsedCache<ProcessDefinition>(256)),
    target: sqliteTargetRepo(cache, caches),
    tokens: sqliteTokenRepo(cache),
  }
  const makeTx = (callbacks: (() => void)[]): StoreTx => ({
    ...repos,
    afterCommit: (cb) => {
      callbacks.push(cb)
    },
  })

  const guard = (): void => {
    if (closed) throw new AblaufError('ENGINE_UNAVAILABLE', 'the store is closed')
    if (inTx?.getStore() === true) throw new AblaufError('INTERNAL', 'nested store transaction: pass the outer tx down instead')
  }

  return {
    path: options.path,
    // Read-only transactions join the group as well: on one connection they would wait anyway.
    async transaction<T>(fn: (tx: StoreTx) => Promise<T>, _txOptions: TransactionOptions = {}): Promise<T> {
      guard()
      const callbacks: (() => void)[] = []
      const result = await group.submit(() => (inTx === undefined ? fn(makeTx(callbacks)) : inTx.run(true, () => fn(makeTx(callbacks)))))
      for (const cb of callbacks) cb()
      return result
    },
    async health(): Promise<StoreHealth> {
      if (closed) return { ok: false, migrationsApplied: 0, migrationsKnown: SQLITE_MIGRATIONS.length, message: 'store closed' }
      try {
        const applied = appliedCount(db)
        const ok = applied === SQLITE_MIGRATIONS.length
        return { ok, migrationsApplied: applied, migrationsKnown: SQLITE_MIGRATIONS.length, ...(ok ? {} : { message: 'migrations pending' }) }
      } catch (err) {
        return { ok: false, migrationsApplied: 0, migrationsKnown: SQLITE_MIGRATIONS.length, message: String(err) }
      }
    },
    async checkpoint() {
      await mutex.run(async () => {
        // The background checkpointer may hold the checkpoint lock for a moment: then SQLite answers
        // busy instead of waiting, and the WAL is not folded in yet.
        for (;;) {
          const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[]
          if (r === undefined || r.busy === 0) return
          await new Promise((resolve) => setTimeout(resolve, 2))
        }
      })
    },
    async close() {
      if (closed) return
      await mutex.run(async () => {
        closed = true
        await checkpointer.close()
        db.close()
      })
    },
  }
}
