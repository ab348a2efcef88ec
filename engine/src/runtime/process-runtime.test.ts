import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { HistoryRow } from '../store/store-port.js'
import { seedProcess } from './test-support/seed-process.js'
import { startRuntimeHarness, type RuntimeHarness } from './test-support/runtime-harness.js'

let h: RuntimeHarness
beforeEach(async () => {
  h = await startRuntimeHarness()
  await h.deploy(seedProcess())
  h.stub.reply(() => ({ status: 200, body: { status: 'valid' } }))
})
afterEach(async () => {
  await h.close()
})

const history = (ticketId: string): Promise<HistoryRow[]> => h.store.transaction((tx) => tx.history.listForTicket(ticketId))
const brief = (rows: HistoryRow[]): string[] =>
  rows.map(({ entry: e }) => {
    if (e.type === 'activity.entered') return `entered ${e.activity}`
    if (e.type === 'transition.taken') return `took ${e.transition}`
    if (e.type === 'transition.skipped') return `skipped ${e.transition}`
    if (e.type === 'action.run') return `ran ${e.action}`
    if (e.type === 'field.changed') return `${e.field}=${JSON.stringify(e.to)}`
    return e.type
  })
const openTasks = (ticketId: string) => h.store.transaction((tx) => tx.userTasks.listOpen({ ticketId }))
const ticketOf = async (id: string) => (await h.store.transaction((tx) => tx.tickets.get(id)))!
const instanceOf = async (ticketId: string) => (await h.store.transaction((tx) => tx.instances.list({ ticketId })))[0]!

describe('process runtime: the seed flow', () => {
  it('hardware: script → service call → user task → end, with the request and the mail', async () => {
    const ticket = await h.openTicket({ Title: 'Laptop does not boot', DynamicField: { Serial: 'SN-42' } })
    const started = await instanceOf(ticket.id)
    expect(started).toMatchObject({ status: 'running', activity: 'check-warranty', waiting: { for: 'service' } })
    expect(h.stub.requests).toHaveLength(0) // nothing leaves the engine inside the step's transaction

    expect(await h.worker.runOnce()).toBe(1)
    expect(h.stub.requests).toHaveLength(1)
    const request = h.stub.requests[0]!
    expect(request).toMatchObject({ method: 'POST', path: '/erp/warranty', query: { customer: 'ACME' }, body: { serial: 'SN-42' } })
    const waiting = started.waiting
    expect(request.headers['idempotency-key']).toBe(waiting !== null && 'key' in waiting ? waiting.key : undefined)
    expect(request.headers.authorization).toBe('Bearer erp-secret')

    const [task] = await openTasks(ticket.id)
    expect(task).toMatchObject({ activity: 'confirm', dialogs: [{ id: 'confirm-classification', interface: ['agent'] }] })
    expect(await ticketOf(ticket.id)).toMatchObject({ Queue: 'Hardware', DynamicField: { Category: 'hardware', Warranty: 'valid' } })

    const done = await h.runtime.submitDialog(task!.id, { dialog: 'confirm-classification', values: { DynamicField_Category: 'hardware' } }, { kind: 'agent', login: 'agent1' })
    expect(done).toMatchObject({ status: 'completed', activity: 'done' })
    expect(await openTasks(ticket.id)).toEqual([])
    expect((await ticketOf(ticket.id)).State).toBe('closed successful')

    expect(await h.worker.runOnce()).toBe(1)
    expect(h.smtp.received).toHaveLength(1)
    expect(h.smtp.received[0]?.to).toEqual(['jane@example.com'])
    expect(h.smtp.received[0]?.raw).toContain('Subject: Solved: Laptop does not boot')
    expect(h.smtp.received[0]?.raw).toContain('Category: hardware')

    expect(brief(await history(ticket.id))).toEqual([
      'process.started',
      'entered classify',
      'script.completed',
      'DynamicField_Category="hardware"',
      'took hardware',
      'entered check-warranty',
      'service.succeeded',
      'DynamicField_Warranty="valid"',
      'took warranty-known',
      'Queue="Hardware"',
      'ran setQueue',
      'entered confirm',
      'dialog.submitted',
      'took confirmed',
      'State="closed successful"',
      'ran setState',
      'ran sendEmail',
      'entered done',
      'process.completed',
      'email.sent',
    ])
    expect(h.logLines().join('\n')).not.toContain('erp-secret')
  })

  it('no hardware: the condition fails and the agent confirms at once, no service call', async () => {
    const ticket = await h.openTicket({ Title: 'Question about my invoice' })
    expect(await instanceOf(ticket.id)).toMatchObject({ activity: 'confirm', waiting: { for: 'dialog' } })
    expect((await ticketOf(ticket.id)).DynamicField).toEqual({ Category: 'software' })
    expect(await h.worker.runOnce()).toBe(0)
    expect(brief(await history(ticket.id))).toEqual(['process.started', 'entered classify', 'script.completed', 'DynamicField_Category="software"', 'skipped hardware', 'took other', 'entered confirm'])
  })

  it('an error status takes the error path and writes its article', async () => {
    h.stub.reply(() => ({ status: 404, body: { error: 'unknown serial' } }))
    const ticket = await h.openTicket({ Title: 'Printer jammed' })
    await h.worker.runOnce()
    expect(h.stub.requests).toHaveLength(1) // 4xx is final: no retry
    expect(await instanceOf(ticket.id)).toMatchObject({ status: 'running', activity: 'confirm' })
    const articles = await h.store.transaction((tx) => tx.tickets.listArticles(ticket.id))
    expect(articles.map((a) => a.subject)).toEqual(['Warranty lookup failed'])
    const failed = (await history(ticket.id)).find((r) => r.entry.type === 'service.failed')
    expect(failed?.entry).toMatchObject({ status: 404, attempts: 1 })
    expect(brief(await history(ticket.id))).toContain('took warranty-failed')
  })

  it('a timeout is retried with the same Idempotency-Key, then takes the error path', async () => {
    h.stub.reply(() => ({ hang: true }))
    const ticket = await h.openTicket({ Title: 'Laptop fan loud' })
    await h.worker.runOnce()
    expect(h.stub.requests).toHaveLength(2) // retries: 1
    expect(new Set(h.stub.requests.map((r) => r.headers['idempotency-key'])).size).toBe(1)
    const rows = await history(ticket.id)
    expect(rows.find((r) => r.entry.type === 'job.attempt')?.entry).toMatchObject({ message: expect.stringContaining('TIMEOUT') })
    expect(rows.find((r) => r.entry.type === 'service.failed')?.entry).toMatchObject({ attempts: 2 })
    expect(brief(rows)).toContain('took warranty-failed')
    const jobs = await h.store.transaction((tx) => tx.jobs.list({ ticketId: ticket.id }))
    expect(jobs.map((j) => [j.kind, j.status, j.attempts])).toEqual([['service', 'failed', 2]])
  })
})
