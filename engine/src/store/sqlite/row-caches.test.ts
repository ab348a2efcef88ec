import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ProcessInstance } from '@ablauf/sdk/runtime'
import { openSqliteStore, type SqliteStore } from './sqlite-store.js'

const NOW = '2025-11-27T10:00:00.000Z'
const LATER = '2025-11-27T10:05:00.000Z'
const ticket = { Title: 'Printer jams', Queue: 'Raw', State: 'new', Priority: '3 normal', DynamicField: { Category: 'hardware' }, test: false, now: NOW }
const instance = (id: string, ticketId: string): ProcessInstance => ({
  id, processId: 'demo', version: 'h1', ticketId, status: 'running', activity: 'confirm', waiting: { for: 'dialog' },
  parent: null, incident: null, seq: 1, test: false, startedAt: NOW, updatedAt: NOW, endedAt: null,
})

// The store keeps tickets, instances and the target in memory between transactions; these are the
// ways the database can change under them.
describe('SQLite store row caches', () => {
  let dir: string
  let path: string
  let store: SqliteStore
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ablauf-row-caches-'))
    path = join(dir, 'engine.db')
    store = openSqliteStore({ path })
  })
  afterEach(async () => {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('shows a change committed by another connection (another engine process, the sqlite3 shell)', async () => {
    const t = await store.transaction((tx) => tx.tickets.create(ticket))
    await store.transaction((tx) => tx.instances.create(instance('i-1', t.id)))
    expect((await store.transaction((tx) => tx.tickets.get(t.id)))?.Title).toBe('Printer jams')
    const other = new Database(path)
    try {
      other.prepare('UPDATE tickets SET title = ?, dynamic_fields = ? WHERE id = ?').run('Printer fixed', '{"Category":"network"}', t.id)
      other.prepare(`UPDATE instances SET status = 'completed', activity = NULL WHERE id = ?`).run('i-1')
    } finally {
      other.close()
    }
    const [seen, seenInstance] = await store.transaction(async (tx) => [await tx.tickets.get(t.id), await tx.instances.get('i-1')] as const)
    expect(seen).toMatchObject({ Title: 'Printer fixed', DynamicField: { Category: 'network' } })
    expect(seenInstance).toMatchObject({ status: 'completed', activity: null })
  })

  it('forgets what a rolled-back transaction wrote', async () => {
    const t = await store.transaction((tx) => tx.tickets.create(ticket))
    await store.transaction((tx) => tx.instances.create(instance('i-1', t.id)))
    await expect(
      store.transaction(async (tx) => {
        await tx.tickets.update(t.id, { fields: { Queue: 'Hardware' }, dynamicFields: { Category: null } }, LATER)
        await tx.instances.update({ ...instance('i-1', t.id), status: 'completed', activity: null, seq: 2 })
        await tx.tickets.create({ ...ticket, Title: 'never committed' })
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    const after = await store.transaction(async (tx) => ({ ticket: await tx.tickets.get(t.id), instance: await tx.instances.get('i-1'), all: await tx.tickets.list() }))
    expect(after.ticket).toMatchObject({ Queue: 'Raw', DynamicField: { Category: 'hardware' }, updatedAt: NOW })
    expect(after.instance).toMatchObject({ status: 'running', activity: 'confirm', seq: 1 })
    expect(after.all.map((x) => x.Title)).toEqual(['Printer jams'])
  })

  it('hands out tickets that cannot be changed behind the store', async () => {
    const t = await store.transaction((tx) => tx.tickets.create(ticket))
    const read = await store.transaction((tx) => tx.tickets.get(t.id))
    expect(() => {
      ;(read as { Title: string }).Title = 'changed in memory'
    }).toThrow(TypeError)
    const updated = await store.transaction((tx) => tx.tickets.update(t.id, { fields: { State: 'open' }, dynamicFields: { Serial: 'SN-1', Category: null } }, LATER))
    expect(updated).toMatchObject({ State: 'open', DynamicField: { Serial: 'SN-1' }, updatedAt: LATER })
    expect(updated.DynamicField).not.toHaveProperty('Category')
    // What the cache answered is what the table holds.
    const row = new Database(path, { readonly: true })
    try {
      expect(row.prepare('SELECT state, dynamic_fields, updated_at FROM tickets WHERE id = ?').get(t.id)).toEqual({ state: 'open', dynamic_fields: '{"Serial":"SN-1"}', updated_at: LATER })
    } finally {
      row.close()
    }
  })
})
