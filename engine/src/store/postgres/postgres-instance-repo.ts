import { AblaufError } from '@ablauf/sdk/errors'
import type { ProcessInstance } from '@ablauf/sdk/runtime'
import type { InstanceRepo } from '../store-port.js'
import type { InstanceFilter, InstanceSummaryFilter, InstanceSummaryRow } from '../store-rows.js'
import { writeJsonb } from './postgres-json.js'
import { instanceMapper, type InstanceRecord } from '../instance-record.js'
import { postgresColumnCodec, type PostgresColumns } from './postgres-column-codec.js'
import type { PgSession, SqlParam } from './postgres-session.js'

type PgInstanceRecord = InstanceRecord<PostgresColumns>

const COLUMNS = 'id, process_id, version, ticket_id, status, activity, waiting, parent, incident, seq, test, started_at, updated_at, ended_at'

const toInstance = instanceMapper(postgresColumnCodec)

/** The PostgreSQL process-instance repository. */
export function postgresInstanceRepo(db: PgSession): InstanceRepo {
  const one = async (sql: string, ...params: SqlParam[]): Promise<ProcessInstance | undefined> => {
    const r = await db.one<PgInstanceRecord>(sql, ...params)
    return r === undefined ? undefined : toInstance(r)
  }
  return {
    async create(i) {
      const inserted = await db.run(
        `INSERT INTO instances (id, process_id, version, ticket_id, status, activity, waiting, parent_instance_id, parent_key,
           parent, incident, seq, test, started_at, updated_at, ended_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10::jsonb, $11::jsonb, $12, $13, $14, $15, $16)
         ON CONFLICT (id) DO NOTHING`,
        i.id, i.processId, i.version, i.ticketId, i.status, i.activity, writeJsonb(i.waiting), i.parent?.instanceId ?? null,
        i.parent?.key ?? null, writeJsonb(i.parent), writeJsonb(i.incident), i.seq, i.test, i.startedAt, i.updatedAt, i.endedAt,
      )
      if (inserted === 0) throw new AblaufError('CONFLICT', `instance "${i.id}" already exists`)
    },
    async get(id) {
      return one(`SELECT ${COLUMNS} FROM instances WHERE id = $1`, id)
    },
    async getForUpdate(id) {
      // The row lock holds until commit: one step at a time per instance, across all engines.
      return one(`SELECT ${COLUMNS} FROM instances WHERE id = $1 FOR UPDATE`, id)
    },
    async update(i) {
      const changed = await db.run(
        `UPDATE instances SET status = $1, activity = $2, waiting = $3::jsonb, incident = $4::jsonb, seq = $5, updated_at = $6, ended_at = $7
         WHERE id = $8`,
        i.status, i.activity, writeJsonb(i.waiting), writeJsonb(i.incident), i.seq, i.updatedAt, i.endedAt, i.id,
      )
      if (changed === 0) throw new AblaufError('NOT_FOUND', `instance "${i.id}" does not exist`)
    },
    async list(filter: InstanceFilter = {}) {
      const rows = await db.all<PgInstanceRecord>(
        `SELECT ${COLUMNS} FROM instances
         WHERE ($1::text IS NULL OR process_id = $1) AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR ticket_id = $3)
           AND ($5::text IS NULL OR (started_at, seq_no) < (SELECT started_at, seq_no FROM instances WHERE id = $5))
         ORDER BY started_at DESC, seq_no DESC LIMIT $4`,
        filter.processId ?? null, filter.status ?? null, filter.ticketId ?? null, filter.limit ?? 1000, filter.after ?? null,
      )
      return rows.map(toInstance)
    },
    async summary(filter: InstanceSummaryFilter = {}) {
      const rows = await db.all<{ process_id: string; version: string; version_number: number | null; activity: string | null; count: number }>(
        `SELECT i.process_id, i.version, v.version AS version_number, i.activity, COUNT(*)::int AS count
         FROM instances i LEFT JOIN process_versions v ON v.process_id = i.process_id AND v.hash = i.version
         WHERE ($1::text IS NULL OR i.process_id = $1) AND ($2::text IS NULL OR i.status = $2)
         GROUP BY i.process_id, i.version, v.version, i.activity
         ORDER BY i.process_id, i.version, i.activity`,
        filter.processId ?? null, filter.status ?? null,
      )
      return rows.map((r): InstanceSummaryRow => ({
        processId: r.process_id, version: r.version, versionNumber: r.version_number, activity: r.activity, count: r.count,
      }))
    },
    async activeForTicket(ticketId) {
      return one(
        `SELECT ${COLUMNS} FROM instances
         WHERE ticket_id = $1 AND parent_instance_id IS NULL AND status IN ('running', 'incident')
         ORDER BY started_at DESC, seq_no DESC LIMIT 1`,
        ticketId,
      )
    },
    async findChild(parentId, key) {
      return one(`SELECT ${COLUMNS} FROM instances WHERE parent_instance_id = $1 AND parent_key = $2`, parentId, key)
    },
  }
}
