import type Database from 'better-sqlite3'
import { AblaufError } from '@ablauf/sdk/errors'
import type { AsyncMutex } from './async-mutex.js'

/** One logical transaction waiting for its turn. */
interface Pending {
  run(): Promise<unknown>
  resolve(value: unknown): void
  reject(err: unknown): void
}

/** A logical transaction that ran; it is settled only once its group's COMMIT is known. */
type Ran = { ok: true; pending: Pending; value: unknown } | { ok: false; pending: Pending; err: unknown }

/** Options of {@link createGroupCommit}. */
export interface GroupCommitOptions {
  db: Database.Database
  /** Held for a whole group; maintenance (checkpoint, close) takes it between groups. */
  mutex: AsyncMutex
  /** Most logical transactions per COMMIT. */
  maxGroup: number
  /** Longest a group stays open (ms), so its first member is not kept waiting by a steady stream. */
  maxGroupMs: number
  /** Whether the store was closed (queued transactions are then refused). */
  closed(): boolean
  /** Runs after each group, outside any transaction (WAL upkeep). */
  afterGroup?(): void
  /** Runs once the group's BEGIN holds the write lock (the store checks for other connections' commits). */
  afterBegin?(): void
  /** Runs after any rollback, of one logical transaction or of the whole group (the store drops its row caches). */
  afterRollback?(scope: 'logical' | 'group'): void
  /** Runs when a logical transaction begins (its SAVEPOINT was taken). */
  afterSavepoint?(): void
  /** Runs when a logical transaction's savepoint was released into the group. */
  afterRelease?(): void
  /** Runs right before the group's COMMIT, inside the transaction (the store writes what it buffered); a throw rolls the group back. */
  beforeCommit?(): void
}

/**
 * Group commit: the logical transactions that queue up while one runs share one SQLite transaction,
 * each inside its own SAVEPOINT, so a failing one rolls back alone. Nobody learns the outcome of a
 * logical transaction (its value, error or `afterCommit`) before the group's COMMIT succeeded, so every
 * caller sees exactly what serial BEGIN … COMMIT would have shown it, and a failed COMMIT fails every
 * member. One COMMIT (one WAL append) per group instead of per transaction is what makes many small
 * runtime steps cheap; a group waits one event-loop turn for latecomers before it commits.
 */
export function createGroupCommit(options: GroupCommitOptions): { submit<T>(run: () => Promise<T>): Promise<T> } {
  const { db, mutex, maxGroup } = options
  const queue: Pending[] = []
  let scheduled = false

  const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))
  // Transaction control runs several times per logical transaction: prepared once instead of parsed by every exec.
  const prepared = new Map<string, Database.Statement>()
  const exec = (sql: 'BEGIN IMMEDIATE' | 'SAVEPOINT logical' | 'RELEASE logical' | 'ROLLBACK TO logical' | 'COMMIT' | 'ROLLBACK'): void => {
    let stmt = prepared.get(sql)
    if (stmt === undefined) {
      stmt = db.prepare(sql)
      prepared.set(sql, stmt)
    }
    stmt.run()
  }

  async function runGroup(): Promise<void> {
    const ran: Ran[] = []
    if (options.closed()) {
      for (const p of queue.splice(0)) p.reject(new AblaufError('ENGINE_UNAVAILABLE', 'the store is closed'))
      return
    }
    if (queue.length === 0) return
    const began = performance.now()
    let commitError: unknown
    try {
      exec('BEGIN IMMEDIATE')
    } catch (err) {
      // The write lock was not to be had (another process held it past the busy timeout).
      for (const p of queue.splice(0)) p.reject(err)
      return
    }
    try {
      options.afterBegin?.()
    } catch (err) {
      exec('ROLLBACK')
      options.afterRollback?.('group')
      for (const p of queue.splice(0)) p.reject(err)
      return
    }
    try {
      while (ran.length < maxGroup && performance.now() - began < options.maxGroupMs) {
        if (queue.length === 0) await nextTurn()
        const pending = queue.shift()
        if (pending === undefined) break
        exec('SAVEPOINT logical')
        options.afterSavepoint?.()
        try {
          const value = await pending.run()
          exec('RELEASE logical')
          options.afterRelease?.()
          ran.push({ ok: true, pending, value })
        } catch (err) {
          ran.push({ ok: false, pending, err })
          // Some errors (disk full, I/O) end the whole SQLite transaction: the group is lost.
          if (!db.inTransaction) throw err
          exec('ROLLBACK TO logical')
          exec('RELEASE logical')
          options.afterRollback?.('logical')
        }
      }
      options.beforeCommit?.()
      exec('COMMIT')
    } catch (err) {
      commitError = err
      if (db.inTransaction) exec('ROLLBACK')
      options.afterRollback?.('group')
    }
    try {
      options.afterGroup?.()
    } catch {
      // WAL upkeep only: the group's outcome stands, and the next group tries again.
    }
    for (const r of ran) {
      if (!r.ok) r.pending.reject(r.err)
      else if (commitError !== undefined) r.pending.reject(commitError)
      else r.pending.resolve(r.value)
    }
  }

  function schedule(): void {
    if (scheduled) return
    scheduled = true
    void mutex.run(async () => {
      scheduled = false
      await runGroup()
      if (queue.length > 0) schedule()
    })
  }

  return {
    submit<T>(run: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ run, resolve: resolve as (value: unknown) => void, reject })
        schedule()
      })
    },
  }
}
