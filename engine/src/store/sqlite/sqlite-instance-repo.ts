import { AblaufError } from '@ablauf/sdk/errors'
import type { ProcessInstance } from '@ablauf/sdk/runtime'
import type { InstanceRepo } from '../store-port.js'
import type { InstanceFilter, InstanceSummaryFilter, InstanceSummaryRow } from '../store-rows.js'
import type { RowCaches } from './row-caches.js'
import type { StatementCache } from './statement-cache.js'
import { writeJson } from './stored-json.js'
import { instanceMapper, type InstanceRecord } from '../instance-record.js'
import { sqliteColumnCodec, type SqliteColumns } from './sqlite-column-codec.js'

type SqliteInstanceRecord = InstanceRecord<SqliteColumns>

const toInstance = instanceMapper(sqliteColumnCodec)

/** The SQLite process-instance repository; instances read or written are kept in `caches` (frozen copies). */
export function sqliteInstanceRepo(db: StatementCache, caches: RowCaches): InstanceRepo {
  const getSync = (id: string): ProcessInstance | undefined => {
    const hit = caches.instances.get(id)
    if (hit !== undefined) return hit
    const r = db.one<SqliteInstanceRecord>('SELECT * FROM instances WHERE id = ?', id)
    return r === undefined ? undefined : caches.instances.set(id, toInstance(r))
  }
  return {
    async create(i) {
      try {
        db.run(
          `INSERT INTO instances (id, process_id, version, ticket_id, status, activity, waiting, parent_instance_id, parent_key,
             parent, incident, seq, test, started_at, updated_at, ended_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          i.id, i.processId, i.version, i.ticketId, i.status, i.activity, writeJson(i.waiting), i.parent?.instanceId ?? null,
          i.parent?.key ?? null, writeJson(i.parent), writeJson(i.incident), i.seq, i.test ? 1 : 0, i.startedAt, i.updatedAt, i.endedAt,
        )
      } catch (err) {
        if ((err as { code?: unknown }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new AblaufError('CONFLICT', `instance "${i.id}" already exists`)
        throw err
      }
      caches.writes += 1
      caches.instances.set(i.id, { ...i })
    },
    async get(id) {
      return getSync(id)
    },
    async getForUpdate(id) {
      // BEGIN IMMEDIATE already holds the database's write lock.
      return getSync(id)
    },
    async update(i) {
      const r = db.run(
        `UPDATE instances SET status = ?, activity = ?, waiting = ?, incident = ?, seq = ?, updated_at = ?, ended_at = ?
         WHERE id = ?`,
        i.status, i.activity, writeJson(i.waiting), writeJson(i.incident), i.seq, i.updatedAt, i.endedAt, i.id,
      )
      if (r.changes === 0) throw new AblaufError('NOT_FOUND', `instance "${i.id}" does not exist`)
      caches.writes += 1
      // Only the mutable columns are written; the rest of the cached copy comes from the stored row.
      const stored = getSync(i.id)
      if (stored !== undefined) {
        caches.instances.set(i.id, ({ ...stored, status: i.status, activity: i.activity, waiting: i.waiting, incident: i.incident, seq: i.seq, updatedAt: i.updatedAt, endedAt: i.endedAt }))
      }
    },
    async list(filter: InstanceFilter = {}) {
      const where: string[] = []
      const params: unknown[] = []
      if (filter.processId !== undefined) {
        where.push('process_id = ?')
        params.push(filter.processId)
      }
      if (filter.status !== undefined) {
        where.push('status = ?')
        params.push(filter.status)
      }
      if (filter.ticketId !== undefined) {
        where.push('ticket_id = ?')
        params.push(filter.ticketId)
      }
      if (filter.after !== undefined) {
        // An unknown cursor compares with NULL: an empty page.
        where.push('(started_at, rowid) < (SELECT started_at, rowid FROM instances WHERE id = ?)')
        params.push(filter.after)
      }
      const sql = `SELECT * FROM instances ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
                   ORDER BY started_at DESC, rowid DESC LIMIT ?`
      return db.all<SqliteInstanceRecord>(sql, ...params, filter.limit ?? 1000).map(toInstance)
    },
    async summary(filter: InstanceSummaryFilter = {}) {
      const rows = db.all<{ process_id: string; version: string; version_number: number | null; activity: string | null; count: number }>(
        `SELECT i.process_id, i.version, v.version AS version_number, i.activity, COUNT(*) AS count
         FROM instances i LEFT JOIN process_versions v ON v.process_id = i.process_id AND v.hash = i.version
         WHERE (? IS NULL OR i.process_id = ?) AND (? IS NULL OR i.status = ?)
         GROUP BY i.process_id, i.version, v.version, i.activity
         ORDER BY i.process_id, i.version, i.activity`,
        filter.processId ?? null, filter.processId ?? null, filter.status ?? null, filter.status ?? null,
      )
      return rows.map((r): InstanceSummaryRow => ({
        processId: r.process_id, version: r.version, versionNumber: r.version_number, activity: r.activity, count: r.count,
      }))
    },
    async activeForTicket(ticketId) {
      const r = db.one<SqliteInstanceRecord>(
        `SELECT * FROM instances WHERE ticket_id = ? AND parent_instance_id IS NULL AND status IN ('running', 'incident')
         ORDER BY started_at DESC, rowid DESC LIMIT 1`,
        ticketId,
      )
      return r === undefined ? undefined : toInstance(r)
    },
    async findChild(parentId, key) {
      const r = db.one<SqliteInstanceRecord>('SELECT * FROM instances WHERE parent_instance_id = ? AND parent_key = ?', parentId, key)
      return r === undefined ? undefined : toInstance(r)
    },
  }
}
