import { AblaufError } from '@ablauf/sdk/errors'
import type { JobRepo } from '../store-port.js'
import type { Job } from '../store-rows.js'
import { writeJsonb } from './postgres-json.js'
import { iso } from '../iso-timestamp.js'
import { jobMapper, type JobRecord } from '../job-record.js'
import { postgresColumnCodec, type PostgresColumns } from './postgres-column-codec.js'
import type { PgSession } from './postgres-session.js'

/** The channel on which enqueued (or given back) jobs are announced to every engine's worker. */
export const JOBS_CHANNEL = 'ablauf_jobs'

type PgJobRecord = JobRecord<PostgresColumns>

const COLUMNS = `id, key, kind, payload, instance_id, ticket_id, status, run_at, attempts, max_attempts, lease_owner,
  lease_expires_at, last_error, result, created_at, updated_at`

const toJob = jobMapper(postgresColumnCodec)

const byRunAt = (a: Job, b: Job): number => (a.runAt < b.runAt ? -1 : a.runAt > b.runAt ? 1 : a.id - b.id)

/**
 * The PostgreSQL jobs repository (the outbox). Leasing takes due rows with `FOR UPDATE SKIP LOCKED`,
 * so engines leasing at the same moment each get different jobs and never wait on one another.
 * Enqueueing (and giving jobs back) sends a NOTIFY on {@link JOBS_CHANNEL}, delivered at commit.
 */
export function postgresJobRepo(db: PgSession): JobRepo {
  const byId = async (id: number): Promise<Job | undefined> => {
    const r = await db.one<PgJobRecord>(`SELECT ${COLUMNS} FROM jobs WHERE id = $1`, id)
    return r === undefined ? undefined : toJob(r)
  }
  const byKey = async (key: string): Promise<Job | undefined> => {
    const r = await db.one<PgJobRecord>(`SELECT ${COLUMNS} FROM jobs WHERE key = $1`, key)
    return r === undefined ? undefined : toJob(r)
  }
  const notify = async (): Promise<void> => {
    await db.run(`SELECT pg_notify('${JOBS_CHANNEL}', '')`)
  }
  return {
    async enqueue(j) {
      const now = iso(j.now)
      // ON CONFLICT waits for a concurrent insert of the same key to commit, then finds it.
      const r = await db.one<PgJobRecord>(
        `INSERT INTO jobs (key, kind, payload, instance_id, ticket_id, status, run_at, attempts, max_attempts, created_at, updated_at)
         VALUES ($1, $2, $3::jsonb, $4, $5, 'pending', $6, 0, $7, $8, $8)
         ON CONFLICT (key) DO NOTHING RETURNING ${COLUMNS}`,
        j.key, j.kind, writeJsonb(j.payload), j.instanceId ?? null, j.ticketId ?? null, iso(j.runAt), j.maxAttempts ?? 1, now,
      )
      if (r !== undefined) {
        await notify()
        return { job: toJob(r), created: true }
      }
      const existing = await byKey(j.key)
      if (existing === undefined) throw new AblaufError('INTERNAL', `job "${j.key}" neither inserted nor found`)
      return { job: existing, created: false }
    },
    get: byId,
    getByKey: byKey,
    async lease({ owner, now, leaseMs, limit, kinds }) {
      const at = iso(now)
      // A lease that expired after the last allowed attempt: the worker died on it; it fails for good.
      await db.run(
        `UPDATE jobs SET status = 'failed', last_error = 'lease expired on the last attempt', lease_owner = NULL,
           lease_expires_at = NULL, updated_at = $1
         WHERE id IN (SELECT id FROM jobs WHERE status = 'leased' AND lease_expires_at <= $1 AND attempts >= max_attempts
                      FOR UPDATE SKIP LOCKED)`,
        at,
      )
      const expires = new Date(new Date(at).getTime() + leaseMs).toISOString()
      const rows = await db.all<PgJobRecord>(
        `WITH due AS (
           SELECT id FROM jobs
           WHERE ((status = 'pending' AND run_at <= $1) OR (status = 'leased' AND lease_expires_at <= $1))
             AND ($2::text[] IS NULL OR kind = ANY($2))
           ORDER BY run_at, id
           LIMIT $3
           FOR UPDATE SKIP LOCKED
         )
         UPDATE jobs j SET status = 'leased', lease_owner = $4, lease_expires_at = $5, attempts = j.attempts + 1, updated_at = $1
         FROM due WHERE j.id = due.id
         RETURNING ${COLUMNS.split(',').map((c) => `j.${c.trim()}`).join(', ')}`,
        at, kinds ?? null, limit, owner, expires,
      )
      return rows.map(toJob).sort(byRunAt)
    },
    async complete(id, owner, result, now) {
      const changed = await db.run(
        `UPDATE jobs SET status = 'done', result = $1::jsonb, lease_owner = NULL, lease_expires_at = NULL, updated_at = $2
         WHERE id = $3 AND status = 'leased' AND lease_owner = $4`,
        writeJsonb(result), iso(now), id, owner,
      )
      return changed > 0
    },
    async fail(id, owner, error, retryAt, now) {
      const changed =
        retryAt === null
          ? await db.run(
              `UPDATE jobs SET status = 'failed', last_error = $1, lease_owner = NULL, lease_expires_at = NULL, updated_at = $2
               WHERE id = $3 AND status = 'leased' AND lease_owner = $4`,
              error, iso(now), id, owner,
            )
          : await db.run(
              `UPDATE jobs SET status = 'pending', run_at = $1, last_error = $2, lease_owner = NULL, lease_expires_at = NULL,
                 updated_at = $3
               WHERE id = $4 AND status = 'leased' AND lease_owner = $5`,
              iso(retryAt), error, iso(now), id, owner,
            )
      return changed > 0
    },
    async release(owner, ids) {
      const changed = await db.run(
        `UPDATE jobs SET status = 'pending', attempts = GREATEST(attempts - 1, 0), lease_owner = NULL, lease_expires_at = NULL
         WHERE status = 'leased' AND lease_owner = $1 AND ($2::bigint[] IS NULL OR id = ANY($2))`,
        owner, ids === undefined ? null : ids.map(String),
      )
      if (changed > 0) await notify()
      return changed
    },
    async list(filter = {}) {
      const rows = await db.all<PgJobRecord>(
        `SELECT ${COLUMNS} FROM jobs
         WHERE ($1::text IS NULL OR instance_id = $1) AND ($2::text IS NULL OR ticket_id = $2) AND ($3::text IS NULL OR status = $3)
         ORDER BY id`,
        filter.instanceId ?? null, filter.ticketId ?? null, filter.status ?? null,
      )
      return rows.map(toJob)
    },
    async counts() {
      const out: Record<Job['status'], number> = { pending: 0, leased: 0, done: 0, failed: 0 }
      for (const r of await db.all<{ status: Job['status']; n: number }>('SELECT status, COUNT(*)::int AS n FROM jobs GROUP BY status')) {
        out[r.status] = r.n
      }
      return out
    },
    async nextRunAt() {
      return (await db.one<{ run_at: string }>(`SELECT run_at FROM jobs WHERE status = 'pending' ORDER BY run_at LIMIT 1`))?.run_at
    },
  }
}
