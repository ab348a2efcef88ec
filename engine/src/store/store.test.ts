import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contentHash, parseDefinition, type ProcessDefinition } from '@ablauf/sdk'
import type { ProcessInstance } from '@ablauf/sdk/runtime'
import type { Store, StoreTx } from './store-port.js'
import { openPostgresStore } from './postgres/postgres-store.js'
import { openSqliteStore } from './sqlite/sqlite-store.js'
import { startTestPostgresIfAvailable } from './test-support/test-postgres.js'

// A throwaway PostgreSQL (or ABLAUF_TEST_POSTGRES_URL) for this file; each test gets a fresh database.
const postgres = await startTestPostgresIfAvailable()
afterAll(async () => {
  await postgres?.stop()
})

/** Every adapter runs the same suite. */
const STORES: { name: string; open(dir: string): Store | Promise<Store> }[] = [
  { name: 'sqlite', open: (dir) => openSqliteStore({ path: join(dir, 'ablauf.db') }) },
  ...(postgres === undefined ? [] : [{ name: 'postgres', open: async () => openPostgresStore({ url: await postgres.createDatabase() }) }]),
]

const NOW = '2025-11-27T10:00:00.000Z'
const LATER = '2025-11-27T10:05:00.000Z'

function definition(id: string, name = 'Demo'): ProcessDefinition {
  const r = parseDefinition({
    apiVersion: 'ablauf/v1',
    id,
    name,
    start: { on: 'ticket.created', activity: 'done' },
    activities: [{ id: 'done', name: 'Done', kind: 'end' }],
    transitions: [],
  })
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return r.value
}

function instance(id: string, ticketId: string, over: Partial<ProcessInstance> = {}): ProcessInstance {
  return {
    id,
    processId: 'demo',
    version: 'h1',
    ticketId,
    status: 'running',
    activity: 'confirm',
    waiting: { for: 'dialog' },
    parent: null,
    incident: null,
    seq: 1,
    test: false,
    startedAt: NOW,
    updatedAt: NOW,
    endedAt: null,
    ...over,
  }
}

const newTicket = (over: Record<string, unknown> = {}) => ({
  Title: 'Printer broken',
  Queue: 'Service Desk',
  State: 'new',
  Priority: '3 normal',
  CustomerUser: 'c.miller',
  DynamicField: { Category: 'hardware' },
  now: NOW,
  ...over,
})

for (const { name, open } of STORES) {
  describe(`Store (${name})`, () => {
    let dir: string
    let store: Store
    const tx = <T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> => store.transaction(fn)

    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'ablauf-store-'))
      store = await open(dir)
    })
    afterEach(async () => {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    })

    it('reports health with all migrations applied', async () => {
      const h = await store.health()
      expect(h.ok).toBe(true)
      expect(h.migrationsApplied).toBe(h.migrationsKnown)
    })

    it('creates, reads, updates and lists tickets with dynamic fields', async () => {
      const t = await tx((x) => x.tickets.create(newTicket()))
      expect(t.number).toMatch(/^20251127\d{8}$/)
      expect(t.Lock).toBe('unlock')
      const t2 = await tx((x) => x.tickets.create(newTicket({ Queue: 'Hardware', CustomerUser: 'j.doe' })))
      expect(t2.number).not.toBe(t.number)
      const u = await tx((x) =>
        x.tickets.update(t.id, { fields: { State: 'open', Owner: 'a.agent' }, dynamicFields: { Category: null, Serial: 'SN-1' } }, LATER),
      )
      expect(u).toMatchObject({ State: 'open', Owner: 'a.agent', DynamicField: { Serial: 'SN-1' }, updatedAt: LATER })
      expect(u.DynamicField).not.toHaveProperty('Category')
      expect(await tx((x) => x.tickets.getForUpdate(t.id))).toEqual(u)
      expect((await tx((x) => x.tickets.getByNumber(t2.number)))?.id).toBe(t2.id)
      expect((await tx((x) => x.tickets.list({ queues: ['Hardware'] }))).map((k) => k.id)).toEqual([t2.id])
      expect((await tx((x) => x.tickets.list({ customerUser: 'c.miller' }))).map((k) => k.id)).toEqual([t.id])
      expect(await tx((x) => x.tickets.list({ queues: [] }))).toEqual([])
      expect(await tx((x) => x.tickets.list())).toHaveLength(2)
      await expect(tx((x) => x.tickets.update('nope', { fields: {}, dynamicFields: {} }, NOW))).rejects.toMatchObject({ code: 'NOT_FOUND' })
    })

    it('stores articles and links', async () => {
      const [a, b] = await tx(async (x) => [await x.tickets.create(newTicket()), await x.tickets.create(newTicket())])
      if (a === undefined || b === undefined) throw new Error('tickets')
      const art = await tx((x) =>
        x.tickets.addArticle({
          ticketId: a.id, subject: 'Hi', body: 'Text', channel: 'Email', visibleForCustomer: true,
          senderType: 'customer', contentType: 'text/plain', createdAt: NOW, createdBy: 'c.miller',
        }),
      )
      expect(await tx((x) => x.tickets.listArticles(a.id))).toEqual([art])
      const link = { sourceTicketId: a.id, targetTicketId: b.id, type: 'ParentChild' as const, createdAt: NOW }
      await tx(async (x) => {
        await x.tickets.addLink(link)
        await x.tickets.addLink(link)
      })
      expect(await tx((x) => x.tickets.listLinks(b.id))).toEqual([link])
    })

    it('stores instances, finds the active one and children', async () => {
      const t = await tx((x) => x.tickets.create(newTicket()))
      const parent = instance('i-1', t.id)
      const child = instance('i-2', t.id, { parent: { instanceId: 'i-1', activity: 'sub', key: 'k1' }, processId: 'other' })
      await tx(async (x) => {
        await x.instances.create(parent)
        await x.instances.create(child)
      })
      expect(await tx((x) => x.instances.get('i-1'))).toEqual(parent)
      expect(await tx((x) => x.instances.activeForTicket(t.id))).toEqual(parent)
      expect(await tx((x) => x.instances.findChild('i-1', 'k1'))).toEqual(child)
      await expect(tx((x) => x.instances.create(parent))).rejects.toMatchObject({ code: 'CONFLICT' })
      const done = { ...parent, status: 'completed' as const, activity: 'done', waiting: null, seq: 2, endedAt: LATER, updatedAt: LATER }
      await tx((x) => x.instances.update(done))
      expect(await tx((x) => x.instances.getForUpdate('i-1'))).toEqual(done)
      expect(await tx((x) => x.instances.activeForTicket(t.id))).toBeUndefined()
      expect((await tx((x) => x.instances.list({ processId: 'other' }))).map((i) => i.id)).toEqual(['i-2'])
      expect((await tx((x) => x.instances.list({ status: 'completed', ticketId: t.id }))).map((i) => i.id)).toEqual(['i-1'])
      await expect(tx((x) => x.instances.update(instance('nope', t.id)))).rejects.toMatchObject({ code: 'NOT_FOUND' })
      const withIncident = { ...child, status: 'incident' as const, incident: { code: 'SERVICE_FAILED', message: 'x', activity: 'a', at: NOW } }
      await tx((x) => x.instances.update(withIncident))
      expect(await tx((x) => x.instances.get('i-2'))).toEqual(withIncident)
    })

    it('pages instances with an after-cursor and counts them by process, version and activity', async () => {
      const t = await tx((x) => x.tickets.create(newTicket()))
      await tx(async (x) => {
        await x.processes.addDeployment({ id: 'd1', basedOn: null, source: { commit: 'abc', ref: 'main', author: 'dev' }, plan: [], actor: 'ci', createdAt: NOW })
        await x.processes.put({ id: 'demo', name: 'Demo', state: 'active', activeVersion: 1, activeHash: 'h1', createdAt: NOW, updatedAt: NOW })
        await x.processes.addVersion({ processId: 'demo', hash: 'h1', definition: definition('demo'), sourceCommit: 'abc', deploymentId: 'd1', createdAt: NOW })
        // Five instances share one start time: the cursor must still walk them in insertion order.
        for (const [n, over] of [
          [1, {}], [2, {}], [3, { activity: 'check' }], [4, { version: 'h-unknown' }], [5, { status: 'completed' as const, activity: 'done' }],
          [6, { processId: 'other', startedAt: LATER }],
        ] as const) {
          await x.instances.create(instance(`i-${n}`, t.id, over))
        }
      })
      const pages: string[][] = []
      let after: string | undefined
      for (;;) {
        const page = await tx((x) => x.instances.list({ limit: 2, ...(after === undefined ? {} : { after }) }))
        if (page.length === 0) break
        pages.push(page.map((i) => i.id))
        after = page.at(-1)?.id
      }
      expect(pages).toEqual([['i-6', 'i-5'], ['i-4', 'i-3'], ['i-2', 'i-1']])
      expect((await tx((x) => x.instances.list({ processId: 'demo', status: 'running', after: 'i-4' }))).map((i) => i.id)).toEqual(['i-3', 'i-2', 'i-1'])
      expect(await tx((x) => x.instances.list({ after: 'no-such-instance' }))).toEqual([])

      expect(await tx((x) => x.instances.summary({ status: 'running' }))).toEqual([
        { processId: 'demo', version: 'h-unknown', versionNumber: null, activity: 'confirm', count: 1 },
        { processId: 'demo', version: 'h1', versionNumber: 1, activity: 'check', count: 1 },
        { processId: 'demo', version: 'h1', versionNumber: 1, activity: 'confirm', count: 2 },
        { processId: 'other', version: 'h1', versionNumber: null, activity: 'confirm', count: 1 },
      ])
      expect(await tx((x) => x.instances.summary({ processId: 'demo', status: 'completed' }))).toEqual([
        { processId: 'demo', version: 'h1', versionNumber: 1, activity: 'done', count: 1 },
      ])
      expect((await tx((x) => x.instances.summary())).reduce((n, r) => n + r.count, 0)).toBe(6)
    })

    it('opens, filters and closes user tasks by interface, queue and customer', async () => {
      const t = await tx((x) => x.tickets.create(newTicket()))
      const h = await tx((x) => x.tickets.create(newTicket({ Queue: 'HR', CustomerUser: 'j.doe' })))
      await tx(async (x) => {
        await x.instances.create(instance('i-1', t.id))
        await x.instances.create(instance('i-2', h.id))
        await x.userTasks.open({
          id: 'task-1', instanceId: 'i-1', ticketId: t.id, processId: 'demo', version: 'h1', activity: 'confirm',
          dialogs: [{ id: 'd1', interface: ['agent'] }], test: false, openedAt: NOW,
        })
        await x.userTasks.open({
          id: 'task-2', instanceId: 'i-2', ticketId: h.id, processId: 'demo', version: 'h1', activity: 'confirm',
          dialogs: [{ id: 'd2', interface: ['customer'] }], test: false, openedAt: LATER,
        })
      })
      const ids = async (f: Parameters<StoreTx['userTasks']['listOpen']>[0]) => (await tx((x) => x.userTasks.listOpen(f))).map((k) => k.id)
      expect(await ids({})).toEqual(['task-1', 'task-2'])
      expect(await ids({ interface: 'agent', queues: ['Service Desk', 'HR'] })).toEqual(['task-1'])
      expect(await ids({ interface: 'agent', queues: ['HR'] })).toEqual([])
      expect(await ids({ interface: 'customer', customerUser: 'j.doe' })).toEqual(['task-2'])
      expect(await ids({ interface: 'customer', customerUser: 'c.miller' })).toEqual([])
      expect(await ids({ ticketId: h.id })).toEqual(['task-2'])
      const withTickets = async (f: Parameters<StoreTx['userTasks']['listOpen']>[0]) => tx((x) => x.userTasks.listOpenWithTickets(f))
      expect(await withTickets({})).toEqual([
        { ...(await tx((x) => x.userTasks.get('task-1'))), ticket: { id: t.id, number: t.number, Title: t.Title, Queue: t.Queue, State: t.State } },
        { ...(await tx((x) => x.userTasks.get('task-2'))), ticket: { id: h.id, number: h.number, Title: h.Title, Queue: 'HR', State: h.State } },
      ])
      expect((await withTickets({ interface: 'agent', queues: ['Service Desk', 'HR'] })).map((k) => k.id)).toEqual(['task-1'])
      expect(await withTickets({ interface: 'agent', queues: [] })).toEqual([])
      expect((await withTickets({ interface: 'customer', customerUser: 'j.doe', limit: 1 })).map((k) => k.id)).toEqual(['task-2'])
      expect((await withTickets({ instanceId: 'i-2' })).map((k) => k.ticket.id)).toEqual([h.id])
      await tx((x) => x.userTasks.close('i-1', 'confirm', LATER))
      expect(await tx((x) => x.userTasks.get('task-1'))).toMatchObject({ status: 'closed', closedAt: LATER })
      expect(await ids({ instanceId: 'i-1' })).toEqual([])
      expect((await withTickets({})).map((k) => k.id)).toEqual(['task-2'])
    })

    it('enqueues idempotently, leases due jobs, completes, fails, reschedules and releases', async () => {
      const first = await tx((x) => x.jobs.enqueue({ key: 'k1', kind: 'service', payload: { a: 1 }, runAt: NOW, maxAttempts: 2, now: NOW }))
      expect(first.created).toBe(true)
      const again = await tx((x) => x.jobs.enqueue({ key: 'k1', kind: 'service', payload: { a: 2 }, runAt: NOW, now: NOW }))
      expect(again).toEqual({ job: first.job, created: false })
      await tx((x) => x.jobs.enqueue({ key: 'k2', kind: 'email', payload: null, runAt: LATER, now: NOW }))
      expect(await tx((x) => x.jobs.nextRunAt())).toBe(NOW)

      const leased = await tx((x) => x.jobs.lease({ owner: 'w1', now: NOW, leaseMs: 60_000, limit: 10 }))
      expect(leased.map((j) => [j.key, j.attempts, j.status, j.leaseOwner])).toEqual([['k1', 1, 'leased', 'w1']])
      expect(await tx((x) => x.jobs.lease({ owner: 'w2', now: NOW, leaseMs: 60_000, limit: 10 }))).toEqual([])
      const id = first.job.id
      expect(await tx((x) => x.jobs.fail(id, 'w2', 'not mine', null, NOW))).toBe(false)
      expect(await tx((x) => x.jobs.fail(id, 'w1', 'HTTP 503', LATER, NOW))).toBe(true)
      expect(await tx((x) => x.jobs.get(id))).toMatchObject({ status: 'pending', runAt: LATER, lastError: 'HTTP 503' })

      const both = await tx((x) => x.jobs.lease({ owner: 'w1', now: LATER, leaseMs: 60_000, limit: 10, kinds: ['service'] }))
      expect(both.map((j) => j.key)).toEqual(['k1'])
      expect(await tx((x) => x.jobs.complete(id, 'w1', { status: 200 }, LATER))).toBe(true)
      expect(await tx((x) => x.jobs.getByKey('k1'))).toMatchObject({ status: 'done', result: { status: 200 }, attempts: 2 })

      const [k2] = await tx((x) => x.jobs.lease({ owner: 'w1', now: LATER, leaseMs: 60_000, limit: 10 }))
      expect(await tx((x) => x.jobs.release('w1'))).toBe(1)
      expect(await tx((x) => x.jobs.get(k2?.id ?? -1))).toMatchObject({ status: 'pending', attempts: 0, leaseOwner: null })
      expect(await tx((x) => x.jobs.counts())).toEqual({ pending: 1, leased: 0, done: 1, failed: 0 })
      expect((await tx((x) => x.jobs.list({ status: 'done' }))).map((j) => j.key)).toEqual(['k1'])
    })

    it('re-leases a job whose lease expired, and fails it after its last attempt', async () => {
      const { job } = await tx((x) => x.jobs.enqueue({ key: 'k', kind: 'service', payload: {}, runAt: NOW, maxAttempts: 2, now: NOW }))
      await tx((x) => x.jobs.lease({ owner: 'dead', now: NOW, leaseMs: 1000, limit: 1 }))
      const [again] = await tx((x) => x.jobs.lease({ owner: 'w2', now: LATER, leaseMs: 1000, limit: 1 }))
      expect(again).toMatchObject({ id: job.id, attempts: 2, leaseOwner: 'w2' })
      expect(await tx((x) => x.jobs.lease({ owner: 'w3', now: '2025-11-27T11:00:00.000Z', leaseMs: 1000, limit: 1 }))).toEqual([])
      expect(await tx((x) => x.jobs.get(job.id))).toMatchObject({ status: 'failed' })
    })

    it('appends and lists history, records e-mails idempotently', async () => {
      const t = await tx((x) => x.tickets.create(newTicket()))
      await tx(async (x) => {
        await x.instances.create(instance('i-1', t.id))
        await x.history.append([
          { ticketId: t.id, instanceId: null, entry: { type: 'ticket.created', at: NOW } },
          { ticketId: t.id, instanceId: 'i-1', entry: { type: 'activity.entered', at: NOW, activity: 'confirm', kind: 'user' } },
        ])
      })
      expect((await tx((x) => x.history.listForTicket(t.id))).map((r) => r.entry.type)).toEqual(['ticket.created', 'activity.entered'])
      expect(await tx((x) => x.history.listForInstance('i-1'))).toMatchObject([{ entry: { activity: 'confirm' } }])
      const mail = {
        key: 'm1', ticketId: t.id, instanceId: 'i-1', to: ['a@example.com'], cc: [], bcc: [], template: null,
        subject: 'S', body: 'B', status: 'captured' as const, test: true, createdAt: NOW,
      }
      const row = await tx((x) => x.emails.record(mail))
      expect(await tx((x) => x.emails.record({ ...mail, subject: 'other' }))).toEqual(row)
      await tx((x) => x.emails.mark(row.id, 'sent', LATER))
      expect(await tx((x) => x.emails.list({ ticketId: t.id }))).toMatchObject([{ subject: 'S', status: 'sent', sentAt: LATER }])
    })

    it('stores processes, numbered versions and deployments', async () => {
      const def = definition('demo')
      const hash = contentHash(def)
      const src = { commit: 'abc', ref: 'main', author: 'dev' }
      await tx(async (x) => {
        await x.processes.addDeployment({ id: 'd1', basedOn: null, source: src, plan: [], actor: 'ci', createdAt: NOW })
        await x.processes.put({ id: 'demo', name: 'Demo', state: 'active', activeVersion: 1, activeHash: hash, createdAt: NOW, updatedAt: NOW })
        const v1 = await x.processes.addVersion({ processId: 'demo', hash, definition: def, sourceCommit: 'abc', deploymentId: 'd1', createdAt: NOW })
        expect(v1.version).toBe(1)
        const v2 = await x.processes.addVersion({
          processId: 'demo', hash: 'h2', definition: definition('demo', 'Demo 2'), sourceCommit: 'def', deploymentId: 'd1', createdAt: NOW,
        })
        expect(v2.version).toBe(2)
      })
      expect((await tx((x) => x.processes.getVersion('demo', 1)))?.definition).toEqual(def)
      expect((await tx((x) => x.processes.getVersionByHash('demo', 'h2')))?.version).toBe(2)
      expect((await tx((x) => x.processes.listVersions('demo'))).map((v) => v.version)).toEqual([1, 2])
      expect((await tx((x) => x.processes.listStartable())).map((v) => v.hash)).toEqual([hash])
      expect(await tx((x) => x.processes.list())).toMatchObject([{ id: 'demo', activeVersion: 1 }])
      await tx((x) => x.processes.addDeployment({ id: 'd2', basedOn: 'd1', source: src, plan: [], actor: 'ci', createdAt: LATER }))
      expect((await tx((x) => x.processes.latestDeployment()))?.id).toBe('d2')
      expect((await tx((x) => x.processes.listDeployments())).map((d) => d.id)).toEqual(['d2', 'd1'])
      expect(await tx((x) => x.processes.getDeployment('d1'))).toMatchObject({ source: src, basedOn: null })
      await tx((x) => x.processes.put({ id: 'demo', name: 'Demo', state: 'fade-away', activeVersion: 1, activeHash: hash, createdAt: NOW, updatedAt: LATER }))
      expect(await tx((x) => x.processes.listStartable())).toEqual([])
    })

    it('stores the target and hashed tokens', async () => {
      const target = { apiVersion: 'ablauf/target-v1' as const, name: 't', queues: [], states: [], priorities: [], types: [],
        services: [], slas: [], users: [], customerUsers: [], roles: [], dynamicFields: [], webServices: [], scripts: [], emailTemplates: [] }
      await tx((x) => x.target.put(target, NOW))
      expect(await tx((x) => x.target.get())).toEqual(target)
      await tx((x) => x.tokens.put({ name: 'ci', hash: 'ab'.repeat(32), scopes: ['deploy'], createdAt: NOW }))
      expect(await tx((x) => x.tokens.findByHash('ab'.repeat(32)))).toMatchObject({ name: 'ci', scopes: ['deploy'] })
      expect(await tx((x) => x.tokens.list())).toHaveLength(1)
      expect(await tx((x) => x.tokens.remove('ci'))).toBe(true)
      expect(await tx((x) => x.tokens.remove('ci'))).toBe(false)
    })

    it('rolls back everything when the callback throws, and skips afterCommit', async () => {
      let committed = 0
      await expect(
        store.transaction(async (x) => {
          x.afterCommit(() => committed++)
          await x.tickets.create(newTicket())
          await x.jobs.enqueue({ key: 'k', kind: 'email', payload: {}, runAt: NOW, now: NOW })
          throw new Error('boom')
        }),
      ).rejects.toThrow('boom')
      expect(committed).toBe(0)
      expect(await tx((x) => x.tickets.list())).toEqual([])
      expect(await tx((x) => x.jobs.list())).toEqual([])
      await store.transaction(async (x) => {
        x.afterCommit(() => committed++)
      })
      expect(committed).toBe(1)
    })

    it('serialises concurrent transactions on one ticket (no lost update) and rejects nested ones', async () => {
      const t = await tx((x) => x.tickets.create(newTicket()))
      const order: string[] = []
      await Promise.all(
        ['a', 'b', 'c'].map((k) =>
          store.transaction(async (x) => {
            const locked = await x.tickets.getForUpdate(t.id)
            order.push(`${k}:start`)
            await new Promise((r) => setImmediate(r))
            await x.tickets.update(t.id, { fields: { Title: `${locked?.Title ?? ''} ${k}` }, dynamicFields: {} }, LATER)
            order.push(`${k}:end`)
          }),
        ),
      )
      // Each transaction ran alone from its lock to its commit (SQLite: one writer; PostgreSQL: the row lock) …
      expect(order.filter((_, i) => i % 2 === 0).map((s) => s.replace(':start', ':end'))).toEqual(order.filter((_, i) => i % 2 === 1))
      // … and saw the commit of the one before it.
      expect((await tx((x) => x.tickets.get(t.id)))?.Title.split(' ').slice(2).sort()).toEqual(['a', 'b', 'c'])
      await expect(store.transaction(async () => store.transaction(async () => 1))).rejects.toMatchObject({ code: 'INTERNAL' })
    })
  })
}
