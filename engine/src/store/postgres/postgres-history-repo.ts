import { AblaufError } from '@ablauf/sdk/errors'
import type { EmailRepo, HistoryRepo } from '../store-port.js'
import type { EmailRow, HistoryRow } from '../store-rows.js'
import { readJsonb, toInt, writeJsonb } from './postgres-json.js'
import { historyEntrySchema, recipientsSchema } from '../stored-row-schemas.js'
import type { PgSession } from './postgres-session.js'

interface HistoryRecord {
  id: string
  ticket_id: string
  instance_id: string | null
  entry: unknown
}

interface EmailRecord {
  id: string
  key: string
  ticket_id: string | null
  instance_id: string | null
  recipients: unknown
  template: string | null
  subject: string
  body: string
  status: EmailRow['status']
  test: boolean
  created_at: string
  sent_at: string | null
}

const toRow = (r: HistoryRecord): HistoryRow => ({
  id: toInt(r.id),
  ticketId: r.ticket_id,
  instanceId: r.instance_id,
  entry: readJsonb(historyEntrySchema, r.entry, `history row ${r.id}`),
})

/** The PostgreSQL history repository. */
export function postgresHistoryRepo(db: PgSession): HistoryRepo {
  return {
    async append(rows) {
      if (rows.length === 0) return
      // One statement for all rows; WITH ORDINALITY keeps their order in the ids.
      await db.run(
        `INSERT INTO history (ticket_id, instance_id, type, at, entry)
         SELECT r.ticket_id, r.instance_id, r.entry->>'type', r.entry->>'at', r.entry
         FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (ticket_id text, instance_id text, entry jsonb))
           WITH ORDINALITY AS r(ticket_id, instance_id, entry, n)
         ORDER BY r.n`,
        writeJsonb(rows.map((row) => ({ ticket_id: row.ticketId, instance_id: row.instanceId, entry: row.entry }))),
      )
    },
    async listForTicket(ticketId) {
      return (await db.all<HistoryRecord>('SELECT id, ticket_id, instance_id, entry FROM history WHERE ticket_id = $1 ORDER BY id', ticketId)).map(toRow)
    },
    async listForInstance(instanceId) {
      return (await db.all<HistoryRecord>('SELECT id, ticket_id, instance_id, entry FROM history WHERE instance_id = $1 ORDER BY id', instanceId)).map(toRow)
    },
  }
}

function toEmail(r: EmailRecord): EmailRow {
  const { to, cc, bcc } = readJsonb(recipientsSchema, r.recipients, `recipients of e-mail ${r.id}`)
  return {
    id: toInt(r.id),
    key: r.key,
    ticketId: r.ticket_id,
    instanceId: r.instance_id,
    to,
    cc,
    bcc,
    template: r.template,
    subject: r.subject,
    body: r.body,
    status: r.status,
    test: r.test,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }
}

/** The PostgreSQL e-mail (outbox / test capture) repository. */
export function postgresEmailRepo(db: PgSession): EmailRepo {
  const byKey = async (key: string): Promise<EmailRow | undefined> => {
    const r = await db.one<EmailRecord>('SELECT * FROM emails WHERE key = $1', key)
    return r === undefined ? undefined : toEmail(r)
  }
  return {
    async record(e) {
      const r = await db.one<EmailRecord>(
        `INSERT INTO emails (key, ticket_id, instance_id, recipients, template, subject, body, status, test, created_at)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (key) DO NOTHING RETURNING *`,
        e.key, e.ticketId, e.instanceId, writeJsonb({ to: e.to, cc: e.cc, bcc: e.bcc }), e.template, e.subject, e.body,
        e.status, e.test, e.createdAt,
      )
      if (r !== undefined) return toEmail(r)
      const existing = await byKey(e.key)
      if (existing === undefined) throw new AblaufError('INTERNAL', `e-mail "${e.key}" neither inserted nor found`)
      return existing
    },
    async mark(id, status, now) {
      await db.run('UPDATE emails SET status = $1, sent_at = $2 WHERE id = $3', status, status === 'sent' ? now : null, id)
    },
    async list(filter = {}) {
      const rows = await db.all<EmailRecord>('SELECT * FROM emails WHERE ($1::text IS NULL OR ticket_id = $1) ORDER BY id', filter.ticketId ?? null)
      return rows.map(toEmail)
    },
  }
}
