import { AblaufError } from '@ablauf/sdk/errors'
import type { EmailRepo, HistoryRepo } from '../store-port.js'
import type { EmailRow, HistoryRow } from '../store-rows.js'
import type { StatementCache } from './statement-cache.js'
import { readJson, writeJson } from './stored-json.js'
import { historyEntrySchema as entrySchema, recipientsSchema } from '../stored-row-schemas.js'

interface HistoryRecord {
  id: number
  ticket_id: string
  instance_id: string | null
  entry: string
}

interface EmailRecord {
  id: number
  key: string
  ticket_id: string | null
  instance_id: string | null
  recipients: string
  template: string | null
  subject: string
  body: string
  status: EmailRow['status']
  test: number
  created_at: string
  sent_at: string | null
}

const toRow = (r: HistoryRecord): HistoryRow => ({
  id: r.id,
  ticketId: r.ticket_id,
  instanceId: r.instance_id,
  entry: readJson(entrySchema, r.entry, `history row ${r.id}`),
})

/** Rows per INSERT (a prepared statement per distinct count is cached). */
const HISTORY_CHUNK = 64
const VALUE_LISTS = Array.from({ length: HISTORY_CHUNK + 1 }, (_, n) => Array.from({ length: n }, () => '(?, ?, ?, ?, ?)').join(', '))
const valueLists = (n: number): string => VALUE_LISTS[n] ?? ''

type NewHistoryRow = Omit<HistoryRow, 'id'>

/**
 * History rows appended but not yet inserted. Nothing in a transaction reads the history it writes, so
 * rows wait in memory and a group's rows are inserted together right before its COMMIT (or before a
 * history read): a few large INSERTs back to back instead of one or two per step between JavaScript
 * that has evicted SQLite from the CPU caches — a third of the engine's write time. A logical
 * transaction that rolls back takes its rows with it; ids still follow the order of `append`.
 */
export class HistoryBuffer {
  /** Rows of the logical transaction that is running. */
  #current: NewHistoryRow[] = []
  /** Rows of released logical transactions of this group. */
  #group: NewHistoryRow[] = []

  add(rows: readonly NewHistoryRow[]): void {
    for (const row of rows) this.#current.push(row)
  }

  /** The running logical transaction was released into the group. */
  release(): void {
    for (const row of this.#current) this.#group.push(row)
    this.#current = []
  }

  /** The running logical transaction (`logical`) or the whole group was rolled back. */
  discard(scope: 'logical' | 'group'): void {
    this.#current = []
    if (scope === 'group') this.#group = []
  }

  /** Inserts every buffered row, oldest first. */
  flush(db: StatementCache): void {
    const rows = this.#group.length === 0 ? this.#current : this.#current.length === 0 ? this.#group : [...this.#group, ...this.#current]
    this.#group = []
    this.#current = []
    for (let i = 0; i < rows.length; i += HISTORY_CHUNK) {
      const chunk = rows.slice(i, i + HISTORY_CHUNK)
      const params: unknown[] = []
      for (const row of chunk) params.push(row.ticketId, row.instanceId, row.entry.type, row.entry.at, writeJson(row.entry))
      db.run(`INSERT INTO history (ticket_id, instance_id, type, at, entry) VALUES ${valueLists(chunk.length)}`, ...params)
    }
  }
}

/** The SQLite history repository; appended rows go through `buffer` (see {@link HistoryBuffer}). */
export function sqliteHistoryRepo(db: StatementCache, buffer: HistoryBuffer): HistoryRepo {
  return {
    async append(rows) {
      buffer.add(rows)
    },
    async listForTicket(ticketId) {
      buffer.flush(db)
      return db.all<HistoryRecord>('SELECT * FROM history WHERE ticket_id = ? ORDER BY id', ticketId).map(toRow)
    },
    async listForInstance(instanceId) {
      buffer.flush(db)
      return db.all<HistoryRecord>('SELECT * FROM history WHERE instance_id = ? ORDER BY id', instanceId).map(toRow)
    },
  }
}

function toEmail(r: EmailRecord): EmailRow {
  const { to, cc, bcc } = readJson(recipientsSchema, r.recipients, `recipients of e-mail ${r.id}`)
  return {
    id: r.id,
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
    test: r.test === 1,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  }
}

/** The SQLite e-mail (outbox / test capture) repository. */
export function sqliteEmailRepo(db: StatementCache): EmailRepo {
  const byKey = (key: string): EmailRow | undefined => {
    const r = db.one<EmailRecord>('SELECT * FROM emails WHERE key = ?', key)
    return r === undefined ? undefined : toEmail(r)
  }
  return {
    async record(e) {
      // A job that runs twice records its mail once: the first row is the answer.
      const inserted = db.one<EmailRecord>(
        `INSERT INTO emails (key, ticket_id, instance_id, recipients, template, subject, body, status, test, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING RETURNING *`,
        e.key, e.ticketId, e.instanceId, writeJson({ to: e.to, cc: e.cc, bcc: e.bcc }), e.template, e.subject, e.body,
        e.status, e.test ? 1 : 0, e.createdAt,
      )
      const row = inserted === undefined ? byKey(e.key) : toEmail(inserted)
      if (row === undefined) throw new AblaufError('INTERNAL', `e-mail "${e.key}" neither inserted nor found`)
      return row
    },
    async mark(id, status, now) {
      db.run('UPDATE emails SET status = ?, sent_at = ? WHERE id = ?', status, status === 'sent' ? now : null, id)
    },
    async list(filter = {}) {
      const rows =
        filter.ticketId === undefined
          ? db.all<EmailRecord>('SELECT * FROM emails ORDER BY id')
          : db.all<EmailRecord>('SELECT * FROM emails WHERE ticket_id = ? ORDER BY id', filter.ticketId)
      return rows.map(toEmail)
    },
  }
}
