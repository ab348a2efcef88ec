import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSqliteStore, type SqliteStore } from './sqlite-store.js'

const NOW = '2025-11-27T10:00:00.000Z'
const messages = (rows: readonly { entry: object }[]): unknown[] => rows.map((r) => (r.entry as { message?: string }).message)
const ticket = { Title: 'Printer jams', Queue: 'Raw', State: 'new', Priority: '3 normal', test: false, now: NOW }

// History rows wait in memory until their group commits; readers must never notice.
describe('SQLite store history buffer', () => {
  let dir: string
  let store: SqliteStore
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ablauf-history-'))
    store = openSqliteStore({ path: join(dir, 'engine.db') })
  })
  afterEach(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('keeps the rows of committed transactions in append order and drops those of a failed one', async () => {
    const t = await store.transaction((tx) => tx.tickets.create(ticket))
    // Started together, these run in one group: the third fails and takes only its own rows along.
    const results = await Promise.allSettled(
      ['first', 'second', 'failed', 'fourth'].map((message) =>
        store.transaction(async (tx) => {
          await tx.history.append([{ ticketId: t.id, instanceId: null, entry: { type: 'ticket.updated', at: NOW, message: `${message} a` } }])
          await tx.history.append([{ ticketId: t.id, instanceId: null, entry: { type: 'ticket.updated', at: NOW, message: `${message} b` } }])
          if (message === 'failed') throw new Error('boom')
        }),
      ),
    )
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled'])
    const rows = await store.transaction((tx) => tx.history.listForTicket(t.id))
    expect(messages(rows)).toEqual(['first a', 'first b', 'second a', 'second b', 'fourth a', 'fourth b'])
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => a - b))
  })

  it('shows a transaction its own rows and those of earlier transactions of its group', async () => {
    const t = await store.transaction((tx) => tx.tickets.create(ticket))
    const [, seen] = await Promise.all([
      store.transaction((tx) => tx.history.append([{ ticketId: t.id, instanceId: 'i-1', entry: { type: 'ticket.updated', at: NOW, message: 'earlier' } }])),
      store.transaction(async (tx) => {
        await tx.history.append([{ ticketId: t.id, instanceId: 'i-1', entry: { type: 'ticket.updated', at: NOW, message: 'own' } }])
        return tx.history.listForInstance('i-1')
      }),
    ])
    expect(messages(seen)).toEqual(['earlier', 'own'])
  })
})
