import { timeOrderedId } from '../time-ordered-id.js'
import { AblaufError } from '@ablauf/sdk/errors'
import type { TicketRepo } from '../store-port.js'
import type { NewTicket, Ticket, TicketFilter } from '../store-rows.js'
import { toInt, writeJsonb } from './postgres-json.js'
import { TICKET_COLUMNS_BY_FIELD } from '../stored-row-schemas.js'
import { dropNulls, ticketNumber } from '../ticket-values.js'
import { articleMapper, ticketMapper, toLink, type ArticleRecord, type LinkRecord, type TicketRecord } from '../ticket-record.js'
import { postgresColumnCodec, type PostgresColumns } from './postgres-column-codec.js'
import type { PgSession, SqlParam } from './postgres-session.js'

type PgTicketRecord = TicketRecord<PostgresColumns>

const COLUMNS = TICKET_COLUMNS_BY_FIELD

const TICKET_COLUMNS = `id, number, title, queue, state, priority, type, service, sla, owner, responsible, customer_user,
  customer_id, lock, pending_time, dynamic_fields, test, created_at, updated_at`

const toTicket = ticketMapper(postgresColumnCodec)
const toArticle = articleMapper(postgresColumnCodec)

/** The PostgreSQL ticket repository. */
export function postgresTicketRepo(db: PgSession): TicketRepo {
  const one = async (sql: string, ...params: SqlParam[]): Promise<Ticket | undefined> => {
    const r = await db.one<PgTicketRecord>(sql, ...params)
    return r === undefined ? undefined : toTicket(r)
  }
  return {
    async create(input: NewTicket) {
      const n = await db.one<{ n: string }>(`SELECT nextval('ticket_number_seq') AS n`)
      if (n === undefined) throw new AblaufError('INTERNAL', 'ticket number sequence returned nothing')
      const created = await one(
        `INSERT INTO tickets (${TICKET_COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb, $17, $18, $18)
         RETURNING ${TICKET_COLUMNS}`,
        timeOrderedId(), ticketNumber(input.now, toInt(n.n)), input.Title, input.Queue, input.State, input.Priority, input.Type ?? null,
        input.Service ?? null, input.SLA ?? null, input.Owner ?? null, input.Responsible ?? null,
        input.CustomerUser ?? null, input.CustomerID ?? null, input.Lock ?? 'unlock', input.PendingTime ?? null,
        writeJsonb(dropNulls(input.DynamicField ?? {})), input.test === true, input.now,
      )
      if (created === undefined) throw new AblaufError('INTERNAL', 'ticket insert returned nothing')
      return created
    },
    async get(id) {
      return one(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE id = $1`, id)
    },
    async getForUpdate(id) {
      // The row lock holds until commit: one step at a time per ticket, across all engines.
      return one(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE id = $1 FOR UPDATE`, id)
    },
    async getByNumber(number) {
      return one(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE number = $1`, number)
    },
    async list(filter: TicketFilter = {}) {
      if (filter.queues !== undefined && filter.queues.length === 0) return []
      const rows = await db.all<PgTicketRecord>(
        `SELECT ${TICKET_COLUMNS} FROM tickets
         WHERE ($1::text[] IS NULL OR queue = ANY($1)) AND ($2::text IS NULL OR customer_user = $2)
         ORDER BY created_at DESC, seq DESC LIMIT $3`,
        filter.queues ?? null, filter.customerUser ?? null, filter.limit ?? 1000,
      )
      return rows.map(toTicket)
    },
    async update(id, changes, now) {
      const current = await one(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE id = $1 FOR UPDATE`, id)
      if (current === undefined) throw new AblaufError('NOT_FOUND', `ticket "${id}" does not exist`)
      const sets: string[] = []
      const params: SqlParam[] = []
      for (const [field, column] of Object.entries(COLUMNS)) {
        const value = (changes.fields as Record<string, string | null | undefined>)[field]
        if (value === undefined) continue
        params.push(value)
        sets.push(`${column} = $${params.length}`)
      }
      const dynamic = dropNulls({ ...current.DynamicField, ...changes.dynamicFields })
      params.push(writeJsonb(dynamic), now, id)
      sets.push(`dynamic_fields = $${params.length - 2}::jsonb`, `updated_at = $${params.length - 1}`)
      const updated = await one(`UPDATE tickets SET ${sets.join(', ')} WHERE id = $${params.length} RETURNING ${TICKET_COLUMNS}`, ...params)
      if (updated === undefined) throw new AblaufError('INTERNAL', 'ticket vanished during update')
      return updated
    },
    async addArticle(a) {
      const r = await db.one<{ id: string }>(
        `INSERT INTO articles (ticket_id, subject, body, channel, visible_for_customer, sender_type, content_type, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        a.ticketId, a.subject, a.body, a.channel, a.visibleForCustomer, a.senderType, a.contentType, a.createdAt, a.createdBy,
      )
      if (r === undefined) throw new AblaufError('INTERNAL', 'article insert returned nothing')
      return { ...a, id: toInt(r.id) }
    },
    async listArticles(ticketId) {
      return (await db.all<ArticleRecord<PostgresColumns>>('SELECT * FROM articles WHERE ticket_id = $1 ORDER BY id', ticketId)).map(toArticle)
    },
    async addLink(link) {
      await db.run(
        `INSERT INTO ticket_links (source_ticket_id, target_ticket_id, type, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        link.sourceTicketId, link.targetTicketId, link.type, link.createdAt,
      )
    },
    async listLinks(ticketId) {
      const rows = await db.all<LinkRecord>(
        `SELECT source_ticket_id, target_ticket_id, type, created_at FROM ticket_links
         WHERE source_ticket_id = $1 OR target_ticket_id = $1 ORDER BY created_at, seq`,
        ticketId,
      )
      return rows.map(toLink)
    },
  }
}
