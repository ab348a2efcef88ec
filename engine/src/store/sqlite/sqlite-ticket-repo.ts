import { timeOrderedId } from '../time-ordered-id.js'
import { AblaufError } from '@ablauf/sdk/errors'
import type { TicketRepo } from '../store-port.js'
import type { NewTicket, Ticket, TicketFilter } from '../store-rows.js'
import type { RowCaches } from './row-caches.js'
import type { StatementCache } from './statement-cache.js'
import type { TicketChanges } from '@ablauf/sdk/runtime'
import { writeJson } from './stored-json.js'
import { articleMapper, ticketMapper, toLink, type ArticleRecord, type LinkRecord, type TicketRecord } from '../ticket-record.js'
import { sqliteColumnCodec, type SqliteColumns } from './sqlite-column-codec.js'
import { TICKET_COLUMNS_BY_FIELD } from '../stored-row-schemas.js'
import { dropNulls, ticketNumber } from '../ticket-values.js'

type SqliteTicketRecord = TicketRecord<SqliteColumns>

const COLUMNS = TICKET_COLUMNS_BY_FIELD

const toTicket = ticketMapper(sqliteColumnCodec)
const toArticle = articleMapper(sqliteColumnCodec)

/** The SQLite ticket repository; tickets read or written are kept in `caches` (frozen, shared). */
export function sqliteTicketRepo(db: StatementCache, caches: RowCaches): TicketRepo {
  const getSync = (id: string): Ticket | undefined => {
    const hit = caches.tickets.get(id)
    if (hit !== undefined) return hit
    const r = db.one<SqliteTicketRecord>('SELECT * FROM tickets WHERE id = ?', id)
    return r === undefined ? undefined : caches.tickets.set(id, toTicket(r))
  }
  return {
    async create(input: NewTicket) {
      const n = db.one<{ value: number }>(
        `INSERT INTO counters (name, value) VALUES ('ticket', 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`,
      )?.value ?? 1
      // The row as written is the ticket: no read-back.
      const ticket: Ticket = {
        id: timeOrderedId(),
        number: ticketNumber(input.now, n),
        Title: input.Title,
        Queue: input.Queue,
        State: input.State,
        Priority: input.Priority,
        Type: input.Type ?? null,
        Service: input.Service ?? null,
        SLA: input.SLA ?? null,
        Owner: input.Owner ?? null,
        Responsible: input.Responsible ?? null,
        CustomerUser: input.CustomerUser ?? null,
        CustomerID: input.CustomerID ?? null,
        Lock: input.Lock ?? 'unlock',
        PendingTime: input.PendingTime ?? null,
        DynamicField: dropNulls(input.DynamicField ?? {}),
        test: input.test === true,
        createdAt: input.now,
        updatedAt: input.now,
      }
      db.run(
        `INSERT INTO tickets (id, number, title, queue, state, priority, type, service, sla, owner, responsible,
           customer_user, customer_id, lock, pending_time, dynamic_fields, test, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ticket.id, ticket.number, ticket.Title, ticket.Queue, ticket.State, ticket.Priority, ticket.Type, ticket.Service, ticket.SLA,
        ticket.Owner, ticket.Responsible, ticket.CustomerUser, ticket.CustomerID, ticket.Lock, ticket.PendingTime,
        writeJson(ticket.DynamicField), ticket.test ? 1 : 0, ticket.createdAt, ticket.updatedAt,
      )
      caches.writes += 1
      return caches.tickets.set(ticket.id, ticket)
    },
    async get(id) {
      return getSync(id)
    },
    async getForUpdate(id) {
      // BEGIN IMMEDIATE already holds the database's write lock.
      return getSync(id)
    },
    async getByNumber(number) {
      const r = db.one<SqliteTicketRecord>('SELECT * FROM tickets WHERE number = ?', number)
      return r === undefined ? undefined : toTicket(r)
    },
    async list(filter: TicketFilter = {}) {
      const where: string[] = []
      const params: unknown[] = []
      if (filter.queues !== undefined) {
        if (filter.queues.length === 0) return []
        where.push(`queue IN (${filter.queues.map(() => '?').join(', ')})`)
        params.push(...filter.queues)
      }
      if (filter.customerUser !== undefined) {
        where.push('customer_user = ?')
        params.push(filter.customerUser)
      }
      const sql = `SELECT * FROM tickets ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
                   ORDER BY created_at DESC, rowid DESC LIMIT ?`
      return db.all<SqliteTicketRecord>(sql, ...params, filter.limit ?? 1000).map(toTicket)
    },
    async update(id, changes, now) {
      const current = getSync(id)
      if (current === undefined) throw new AblaufError('NOT_FOUND', `ticket "${id}" does not exist`)
      // The new row is computed here and written whole: the cache and the table hold the same ticket by
      // construction. Dynamic fields take the changes as a JSON merge patch (null clears).
      const next: Ticket = { ...current, DynamicField: mergePatch(current.DynamicField, changes.dynamicFields), updatedAt: now }
      const sets: string[] = []
      const params: unknown[] = []
      for (const [field, column] of Object.entries(COLUMNS)) {
        const value = (changes.fields as Record<string, unknown>)[field]
        if (value === undefined) continue
        ;(next as unknown as Record<string, unknown>)[field] = value
        sets.push(`${column} = ?`)
        params.push(value)
      }
      sets.push('dynamic_fields = ?', 'updated_at = ?')
      params.push(writeJson(next.DynamicField), now, id)
      db.run(`UPDATE tickets SET ${sets.join(', ')} WHERE id = ?`, ...params)
      caches.writes += 1
      return caches.tickets.set(id, next)
    },
    async addArticle(a) {
      const r = db.run(
        `INSERT INTO articles (ticket_id, subject, body, channel, visible_for_customer, sender_type, content_type, created_at, created_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        a.ticketId, a.subject, a.body, a.channel, a.visibleForCustomer ? 1 : 0, a.senderType, a.contentType, a.createdAt, a.createdBy,
      )
      return { ...a, id: Number(r.lastInsertRowid) }
    },
    async listArticles(ticketId) {
      return db.all<ArticleRecord<SqliteColumns>>('SELECT * FROM articles WHERE ticket_id = ? ORDER BY id', ticketId).map(toArticle)
    },
    async addLink(link) {
      db.run(
        `INSERT INTO ticket_links (source_ticket_id, target_ticket_id, type, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
        link.sourceTicketId, link.targetTicketId, link.type, link.createdAt,
      )
    },
    async listLinks(ticketId) {
      return db
        .all<LinkRecord>(
          'SELECT * FROM ticket_links WHERE source_ticket_id = ? OR target_ticket_id = ? ORDER BY created_at, rowid',
          ticketId, ticketId,
        )
        .map(toLink)
    },
  }
}

/** The changes applied as a JSON merge patch (what `json_patch` did): null clears a field, a value replaces it. */
function mergePatch(current: Ticket['DynamicField'], patch: TicketChanges['dynamicFields']): Ticket['DynamicField'] {
  const out = { ...current }
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else out[k] = v
  }
  return out
}
