import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openSqliteStore, type SqliteStore } from './sqlite-store.js'

const NOW = '2025-11-27T10:00:00.000Z'
const ticket = (title: string) => ({ Title: title, Queue: 'Raw', State: 'new', Priority: '3 normal', test: false, now: NOW })

describe('SQLite group commit', () => {
  let dir: string
  let store: SqliteStore
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ablauf-group-'))
    store = openSqliteStore({ path: join(dir, 'engine.db') })
  })
  afterEach(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('commits transactions that run together independently: a failing one rolls back alone', async () => {
    const committed: string[] = []
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        store.transaction(async (tx) => {
          const t = await tx.tickets.create(ticket(`ticket ${i}`))
          await tx.history.append([{ ticketId: t.id, instanceId: null, entry: { type: 'ticket.created', at: NOW } }])
          tx.afterCommit(() => committed.push(t.Title))
          if (i % 4 === 3) throw new Error(`no ${i}`)
          return t.Title
        }),
      ),
    )
    const titles = Array.from({ length: 40 }, (_, i) => `ticket ${i}`)
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(
      titles.map((t, i) => (i % 4 === 3 ? `no ${i}` : t)),
    )
    const kept = titles.filter((_, i) => i % 4 !== 3)
    expect(committed.sort()).toEqual([...kept].sort())
    const stored = await store.transaction(async (tx) => {
      const rows = []
      for (const t of await tx.tickets.list()) rows.push({ title: t.Title, history: (await tx.history.listForTicket(t.id)).length })
      return rows
    }, { readOnly: true })
    expect(stored.map((r) => r.title).sort()).toEqual([...kept].sort())
    expect(stored.every((r) => r.history === 1)).toBe(true)
  })

  it('shows a transaction the writes of those committed before it in the same group', async () => {
    const [a, b] = await Promise.all([
      store.transaction((tx) => tx.tickets.create(ticket('first'))),
      store.transaction(async (tx) => (await tx.tickets.list()).map((t) => t.Title)),
    ])
    expect(a.Title).toBe('first')
    expect(b).toEqual(['first'])
  })

  it('fails the waiting transactions when another process holds the write lock, and works again once it is free', async () => {
    await store.close()
    store = openSqliteStore({ path: join(dir, 'engine.db'), busyTimeoutMs: 50 })
    const other = new Database(join(dir, 'engine.db'))
    try {
      other.exec('BEGIN IMMEDIATE')
      await expect(store.transaction((tx) => tx.tickets.create(ticket('blocked')))).rejects.toMatchObject({ code: 'SQLITE_BUSY' })
      other.exec('ROLLBACK')
      await expect(store.transaction((tx) => tx.tickets.create(ticket('later')))).resolves.toMatchObject({ Title: 'later' })
    } finally {
      other.close()
    }
  })

  it('refuses transactions once the store is closed, and keeps what was committed', async () => {
    const created = store.transaction((tx) => tx.tickets.create(ticket('kept')))
    const closing = store.close()
    await expect(created).resolves.toMatchObject({ Title: 'kept' })
    await closing
    await expect(store.transaction((tx) => tx.tickets.list())).rejects.toMatchObject({ code: 'ENGINE_UNAVAILABLE' })
    store = openSqliteStore({ path: join(dir, 'engine.db') })
    expect((await store.transaction((tx) => tx.tickets.list())).map((t) => t.Title)).toEqual(['kept'])
  })
})
