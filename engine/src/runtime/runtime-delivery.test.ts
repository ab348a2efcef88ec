import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { processDefinitionSchema } from '@ablauf/sdk/definition'
import type { ProcessInstance } from '@ablauf/sdk/runtime'
import { AblaufError } from '@ablauf/sdk/errors'
import type { HistoryRow, StoreTx } from '../store/store-port.js'
import { seedProcess } from './test-support/seed-process.js'
import { startRuntimeHarness, type RuntimeHarness } from './test-support/runtime-harness.js'

let h: RuntimeHarness
beforeEach(async () => {
  h = await startRuntimeHarness()
  h.stub.reply(() => ({ status: 200, body: { status: 'valid' } }))
})
afterEach(async () => {
  await h.close()
})

const history = (ticketId: string): Promise<HistoryRow[]> => h.store.transaction((tx) => tx.history.listForTicket(ticketId))
const count = (rows: HistoryRow[], pred: (e: HistoryRow['entry']) => boolean): number => rows.filter((r) => pred(r.entry)).length
const instances = (ticketId: string): Promise<ProcessInstance[]> => h.store.transaction((tx) => tx.instances.list({ ticketId }))
const serviceKey = (i: ProcessInstance | undefined): string => (i?.waiting?.for === 'service' ? i.waiting.key : '')
const tookWarranty = (e: HistoryRow['entry']): boolean => e.type === 'transition.taken' && e.from === 'check-warranty'

describe('exactly-once job results', () => {
  beforeEach(async () => {
    await h.deploy(seedProcess())
  })

  it('applies a result delivered twice once; the second is only noted', async () => {
    const ticket = await h.openTicket({ Title: 'Laptop broken' })
    const [instance] = await instances(ticket.id)
    const event = { type: 'service.succeeded' as const, key: serviceKey(instance), response: { status: 200, body: { status: 'valid' } }, attempts: 1 }
    await h.runtime.deliver(instance!.id, event)
    await h.runtime.deliver(instance!.id, event)
    const rows = await history(ticket.id)
    expect(count(rows, tookWarranty)).toBe(1)
    expect(count(rows, (e) => e.type === 'event.ignored')).toBe(1)
  })

  it('re-leases the job of a crashed worker, and a late result of the crashed worker changes nothing', async () => {
    const ticket = await h.openTicket({ Title: 'Laptop broken' })
    const [leased] = await h.store.transaction((tx) => tx.jobs.lease({ owner: 'crashed', now: h.clock.now().toISOString(), leaseMs: 60_000, limit: 1 }))
    expect(await h.worker.runOnce()).toBe(0) // still leased by the crashed worker
    h.clock.advance(61_000)
    expect(await h.worker.runOnce()).toBe(1)
    expect(h.stub.requests).toHaveLength(1)

    const [instance] = await instances(ticket.id)
    expect(instance).toMatchObject({ activity: 'confirm' })
    const late = { type: 'service.succeeded' as const, key: leased!.key, response: { status: 200, body: { status: 'expired' } }, attempts: 1 }
    // What the worker does: settle the job in the step's transaction; the crashed worker lost its lease.
    const settle = async (tx: StoreTx): Promise<void> => {
      if (!(await tx.jobs.complete(leased!.id, 'crashed', null, h.clock.now().toISOString()))) throw new AblaufError('CONFLICT', 'lease lost')
    }
    await expect(h.runtime.deliver(instance!.id, late, settle)).rejects.toMatchObject({ code: 'CONFLICT' })
    const rows = await history(ticket.id)
    expect(count(rows, tookWarranty)).toBe(1)
    expect(count(rows, (e) => e.type === 'event.ignored')).toBe(0)
    const stored = await h.store.transaction((tx) => tx.tickets.get(ticket.id))
    expect(stored?.DynamicField.Warranty).toBe('valid')
  })
})

describe('incidents and retry', () => {
  it('raises an incident when the service fails without an error path, and retry re-enters the activity', async () => {
    const base = seedProcess()
    await h.deploy(seedProcess({ transitions: base.transitions.filter((t) => t.id !== 'warranty-failed') }))
    h.stub.reply(() => ({ status: 500, body: {} }))
    const ticket = await h.openTicket({ Title: 'Laptop broken' })
    await h.worker.runOnce()
    const [failed] = await instances(ticket.id)
    expect(failed).toMatchObject({ status: 'incident', activity: 'check-warranty', incident: { code: 'SERVICE_FAILED' } })
    expect(h.stub.requests).toHaveLength(2)

    await expect(h.runtime.retry('nope', { kind: 'agent', login: 'agent1' })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    h.stub.reply(() => ({ status: 200, body: { status: 'valid' } }))
    const retried = await h.runtime.retry(failed!.id, { kind: 'agent', login: 'agent1' })
    expect(retried).toMatchObject({ status: 'running', activity: 'check-warranty', incident: null })
    await expect(h.runtime.retry(failed!.id, { kind: 'agent', login: 'agent1' })).rejects.toMatchObject({ code: 'CONFLICT' })
    await h.worker.runOnce()
    expect((await instances(ticket.id))[0]).toMatchObject({ status: 'running', activity: 'confirm' })
    expect(new Set(h.stub.requests.map((r) => r.headers['idempotency-key'])).size).toBe(2) // a retry is a new call
  })

  it('turns a failing script into an incident', async () => {
    const base = seedProcess()
    const broken = base.activities.map((a) => (a.kind === 'script' ? { ...a, params: { rules: [] } } : a))
    await h.deploy(seedProcess({ activities: broken }))
    const ticket = await h.openTicket({ Title: 'Laptop broken' })
    expect((await instances(ticket.id))[0]).toMatchObject({ status: 'incident', incident: { code: 'SCRIPT_FAILED', message: expect.stringContaining('classify-by-keywords') } })
    expect(count(await history(ticket.id), (e) => e.type === 'script.failed')).toBe(1)
  })

  it('fails a script that writes what the ticket API would refuse, and leaves the ticket as it was', async () => {
    const base = seedProcess()
    const rules = [{ keywords: ['laptop'], value: 'netwrk' }]
    const typo = base.activities.map((a) => (a.kind === 'script' && a.script === 'classify-by-keywords' ? { ...a, params: { ...a.params, rules } } : a))
    await h.deploy(seedProcess({ activities: typo }))
    const ticket = await h.openTicket({ Title: 'Laptop broken' })
    expect((await instances(ticket.id))[0]).toMatchObject({
      status: 'incident',
      incident: { code: 'SCRIPT_FAILED', message: expect.stringContaining('DynamicField.Category: Dropdown field Category: unknown value "netwrk" — did you mean "network"?') },
    })
    const stored = await h.store.transaction((tx) => tx.tickets.get(ticket.id))
    expect(stored?.DynamicField.Category ?? null).toBeNull()
  })

  it('takes the error path when a web service answers a value its field does not have, and writes nothing of the answer', async () => {
    await h.deploy(seedProcess())
    h.stub.reply(() => ({ status: 200, body: { status: 'broken' } }))
    const ticket = await h.openTicket({ Title: 'Laptop broken' })
    await h.worker.runOnce()
    const [instance] = await instances(ticket.id)
    expect(instance).toMatchObject({ status: 'running', activity: 'confirm' })
    const failed = (await history(ticket.id)).map((r) => r.entry).find((e) => e.type === 'service.failed')
    expect(failed).toMatchObject({ status: 200, message: 'ERP/WarrantyLookup answered invalid ticket fields: DynamicField.Warranty: Dropdown field Warranty: unknown value "broken"; known: "valid", "expired", "unknown"' })
    const stored = await h.store.transaction((tx) => tx.tickets.get(ticket.id))
    expect(stored?.DynamicField.Warranty ?? null).toBeNull()
    const articles = await h.store.transaction((tx) => tx.tickets.listArticles(ticket.id))
    expect(articles.map((a) => a.subject)).toContain('Warranty lookup failed')
  })
})

describe('dialogs', () => {
  beforeEach(async () => {
    await h.deploy(seedProcess())
  })

  it('enforces required fields, and refuses closed and unknown tasks', async () => {
    const ticket = await h.openTicket({ Title: 'Question' })
    const [task] = await h.store.transaction((tx) => tx.userTasks.listOpen({ ticketId: ticket.id }))
    const agent = { kind: 'agent' as const, login: 'agent1' }
    await expect(h.runtime.submitDialog(task!.id, { dialog: 'confirm-classification', values: {} }, agent)).rejects.toMatchObject({ code: 'REQUIRED_FIELD_MISSING' })
    await h.runtime.submitDialog(task!.id, { dialog: 'confirm-classification', values: { DynamicField_Category: 'other' }, article: { subject: 'Checked', body: 'ok' } }, agent)
    await expect(h.runtime.submitDialog(task!.id, { dialog: 'confirm-classification', values: { DynamicField_Category: 'other' } }, agent)).rejects.toMatchObject({ code: 'WRONG_ACTIVITY' })
    await expect(h.runtime.submitDialog('missing', { dialog: 'x', values: {} }, agent)).rejects.toMatchObject({ code: 'NOT_FOUND' })
    const articles = await h.store.transaction((tx) => tx.tickets.listArticles(ticket.id))
    expect(articles).toMatchObject([{ subject: 'Checked', createdBy: 'agent1' }])
  })
})

describe('starting', () => {
  it('starts the highest-priority match once and notes the others in the history', async () => {
    await h.deploy(seedProcess())
    await h.deploy(seedProcess({ id: 'catch-all', name: 'Catch all', start: { on: 'ticket.created', activity: 'confirm', priority: -1 } }))
    const ticket = await h.openTicket({ Title: 'Question' })
    await h.runtime.ticketCreated(ticket.id, { kind: 'system' })
    const all = await instances(ticket.id)
    expect(all.map((i) => i.processId)).toEqual(['incident-triage'])
    const skipped = (await history(ticket.id)).find((r) => r.entry.type === 'start.skipped')
    expect(skipped?.entry).toMatchObject({ message: expect.stringContaining('"catch-all"') })
  })

  it('runs test-mode tickets against the test endpoint and captures their mail', async () => {
    await h.deploy(seedProcess())
    const ticket = await h.openTicket({ Title: 'Laptop broken', test: true })
    await h.worker.runOnce()
    expect(h.stub.requests.map((r) => r.path)).toEqual(['/erp-test/warranty'])
    const [task] = await h.store.transaction((tx) => tx.userTasks.listOpen({ ticketId: ticket.id }))
    expect(task?.test).toBe(true)
    await h.runtime.submitDialog(task!.id, { dialog: 'confirm-classification', values: { DynamicField_Category: 'hardware' } }, { kind: 'agent', login: 'agent1' })
    await h.worker.runOnce()
    expect(h.smtp.received).toHaveLength(0)
    const emails = await h.store.transaction((tx) => tx.emails.list({ ticketId: ticket.id }))
    expect(emails).toMatchObject([{ status: 'captured', test: true, to: ['jane@example.com'], subject: 'Solved: Laptop broken' }])
  })

  it('starts processes on tickets a process creates, through a durable job', async () => {
    const spawner = processDefinitionSchema.parse({
      apiVersion: 'ablauf/v1',
      id: 'spawner',
      name: 'Spawner',
      start: { on: 'ticket.created', when: { op: 'eq', field: 'Queue', value: 'Hardware' }, activity: 'begin' },
      activities: [{ id: 'begin', name: 'Begin', kind: 'wait' }, { id: 'end', name: 'End', kind: 'end' }],
      transitions: [{ id: 'spawn', from: 'begin', to: 'end', actions: [{ type: 'createTicket', title: 'Follow-up: {{ticket.Title}}', queue: 'Service Desk' }] }],
    })
    await h.deploy(spawner)
    await h.deploy(seedProcess())
    const parent = await h.openTicket({ Title: 'Laptop order', Queue: 'Hardware' })
    expect((await instances(parent.id))[0]).toMatchObject({ processId: 'spawner', status: 'completed' })
    await h.worker.runOnce()
    const child = await h.store.transaction((tx) => tx.tickets.getByNumber(String(Number(parent.number) + 1)))
    expect(child).toMatchObject({ Title: 'Follow-up: Laptop order' })
    expect((await instances(child!.id))[0]).toMatchObject({ processId: 'incident-triage', activity: 'confirm' })
    const links = await h.store.transaction((tx) => tx.tickets.listLinks(parent.id))
    expect(links).toMatchObject([{ sourceTicketId: parent.id, targetTicketId: child!.id, type: 'ParentChild' }])
  })
})

describe('job worker loop', () => {
  it('polls for due jobs while started and stops gracefully', async () => {
    await h.deploy(seedProcess())
    const worker = h.newWorker('worker-loop')
    worker.start()
    const ticket = await h.openTicket({ Title: 'Laptop broken' })
    worker.wake()
    await vi.waitFor(async () => expect((await instances(ticket.id))[0]?.activity).toBe('confirm'), { timeout: 10_000, interval: 20 })
    await worker.stop({ deadlineMs: 5_000 })
    expect(h.stub.requests).toHaveLength(1)
  })

  it('gives back the leases of jobs still running at the stop deadline', async () => {
    await h.deploy(seedProcess())
    h.stub.reply(() => ({ hang: true }))
    const worker = h.newWorker('worker-stop')
    await h.openTicket({ Title: 'Laptop broken' })
    worker.start()
    await vi.waitFor(() => expect(h.stub.requests).toHaveLength(1), { timeout: 10_000, interval: 10 })
    await worker.stop({ deadlineMs: 0 })
    const [job] = await h.store.transaction((tx) => tx.jobs.list())
    expect(job).toMatchObject({ status: 'pending', leaseOwner: null })
  })
})
