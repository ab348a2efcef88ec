import { AblaufError } from '@ablauf/sdk/errors'
import type { JobRepo } from '../store-port.js'
import type { Job } from '../store-rows.js'
import type { StatementCache } from './statement-cache.js'
import { writeJson } from './stored-json.js'
import { iso } from '../iso-timestamp.js'
import { jobMapper, type JobRecord } from '../job-record.js'
import { sqliteColumnCodec, type SqliteColumns } from './sqlite-column-codec.js'

type SqliteJobRecord = JobRecord<SqliteColumns>

const toJob = jobMapper(sqliteColumnCodec)

/** The SQLite jobs repository (the outbox). */
export function sqliteJobRepo(db: StatementCache): JobRepo {
  const byId = (id: number): Job | undefined => {
    const r = db.one<SqliteJobRecord>('SELECT * FROM jobs WHERE id = ?', id)
    return r === undefined ? undefined : toJob(r)
  }
  const byKey = (key: string): Job | undefined => {
    const r = db.one<SqliteJobRecord>('SELECT * FROM jobs WHERE key = ?', key)
    return r === undefined ? undefined : toJob(r)
  }
  return {
    async enqueue(j) {
      const now = iso(j.now)
      const runAt = iso(j.runAt)
      const maxAttempts = j.maxAttempts ?? 1
      // The key makes a replayed step enqueue nothing twice: the existing job is the answer then.
      const r = db.run(
        `INSERT INTO jobs (key, kind, payload, instance_id, ticket_id, status, run_at, attempts, max_attempts, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'pending', ?, 0, ?, ?, ?) ON CONFLICT (key) DO NOTHING`,
        j.key, j.kind, writeJson(j.payload), j.instanceId ?? null, j.ticketId ?? null, runAt, maxAttempts, now, now,
      )
      if (r.changes === 0) {
        const existing = byKey(j.key)
        if (existing === undefined) throw new AblaufError('INTERNAL', `job "${j.key}" neither inserted nor found`)
        return { job: existing, created: false }
      }
      // The row as written: no read-back.
      const job: Job = {
        id: Number(r.lastInsertRowid), key: j.key, kind: j.kind, payload: j.payload, instanceId: j.instanceId ?? null, ticketId: j.ticketId ?? null,
        status: 'pending', runAt, attempts: 0, maxAttempts, leaseOwner: null, leaseExpiresAt: null,
        lastError: null, result: null, createdAt: now, updatedAt: now,
      }
      return { job, created: true }
    },
    async get(id) {
      return byId(id)
    },
    async getByKey(key) {
      return byKey(key)
    },
    async lease({ owner, now, leaseMs, limit, kinds }) {
      const at = iso(now)
      // A lease that expired after the last allowed attempt: the worker died on it; it fails for good.
      db.run(
        `UPDATE jobs SET status = 'failed', last_error = 'lease expired on the last attempt', lease_owner = NULL,
           lease_expires_at = NULL, updated_at = ?
         WHERE status = 'leased' AND lease_expires_at <= ? AND attempts >= max_attempts`,
        at, at,
      )
      const kindSql = kinds === undefined ? '' : `AND kind IN (${kinds.map(() => '?').join(', ') || 'NULL'})`
      const expires = new Date(new Date(at).getTime() + leaseMs).toISOString()
      // Two statements, each walking the (status, run_at) index in order: leases that expired (a worker
      // died holding them; few rows), then due pending jobs. One statement with an OR of both made
      // SQLite merge two index scans and sort them, a third of the lease's time.
      const leaseWhere = (condition: string): string =>
        `UPDATE jobs SET status = 'leased', lease_owner = ?, lease_expires_at = ?, attempts = attempts + 1, updated_at = ?
         WHERE id IN (SELECT id FROM jobs WHERE ${condition} ${kindSql} ORDER BY run_at, id LIMIT ?)
         RETURNING *`
      const leased = db.all<SqliteJobRecord>(leaseWhere(`status = 'leased' AND lease_expires_at <= ?`), owner, expires, at, at, ...(kinds ?? []), limit)
      if (leased.length < limit) {
        leased.push(...db.all<SqliteJobRecord>(leaseWhere(`status = 'pending' AND run_at <= ?`), owner, expires, at, at, ...(kinds ?? []), limit - leased.length))
      }
      // RETURNING has no order, so the due order is restored here.
      return leased.map(toJob).sort((a, b) => (a.runAt < b.runAt ? -1 : a.runAt > b.runAt ? 1 : a.id - b.id))
    },
    async complete(id, owner, result, now) {
      const r = db.run(
        `UPDATE jobs SET status = 'done', result = ?, lease_owner = NULL, lease_expires_at = NULL, updated_at = ?
         WHERE id = ? AND status = 'leased' AND lease_owner = ?`,
        writeJson(result), iso(now), id, owner,
      )
      return r.changes > 0
    },
    async fail(id, owner, error, retryAt, now) {
      const r =
        retryAt === null
          ? db.run(
              `UPDATE jobs SET status = 'failed', last_error = ?, lease_owner = NULL, lease_expires_at = NULL, updated_at = ?
               WHERE id = ? AND status = 'leased' AND lease_owner = ?`,
              error, iso(now), id, owner,
            )
          : db.run(
              `UPDATE jobs SET status = 'pending', run_at = ?, last_error = ?, lease_owner = NULL, lease_expires_at = NULL,
                 updated_at = ?
               WHERE id = ? AND status = 'leased' AND lease_owner = ?`,
              iso(retryAt), error, iso(now), id, owner,
            )
      return r.changes > 0
    },
    async release(owner, ids) {
      const idSql = ids === undefined ? '' : `AND id IN (${ids.map(() => '?').join(', ') || 'NULL'})`
      const r = db.run(
        `UPDATE jobs SET status = 'pending', attempts = MAX(attempts - 1, 0), lease_owner = NULL, lease_expires_at = NULL
         WHERE status = 'leased' AND lease_owner = ? ${idSql}`,
        owner, ...(ids ?? []),
      )
      return r.changes
    },
    async list(filter = {}) {
      const where: string[] = []
      const params: unknown[] = []
      if (filter.instanceId !== undefined) {
        where.push('instance_id = ?')
        params.push(filter.instanceId)
      }
      if (filter.ticketId !== undefined) {
        where.push('ticket_id = ?')
        params.push(filter.ticketId)
      }
      if (filter.status !== undefined) {
        where.push('status = ?')
        params.push(filter.status)
      }
      const sql = `SELECT * FROM jobs ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`
      return db.all<SqliteJobRecord>(sql, ...params).map(toJob)
    },
    async counts() {
      const out: Record<Job['status'], number> = { pending: 0, leased: 0, done: 0, failed: 0 }
      for (const r of db.all<{ status: Job['status']; n: number }>('SELECT status, COUNT(*) AS n FROM jobs GROUP BY status')) {
        out[r.status] = r.n
      }
      return out
    },
    async nextRunAt() {
      return db.one<{ run_at: string }>(`SELECT run_at FROM jobs WHERE status = 'pending' ORDER BY run_at LIMIT 1`)?.run_at
    },
  }
}
