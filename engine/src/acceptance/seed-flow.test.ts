import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProcessInstance } from '@ablauf/sdk/runtime'
import type { HistoryRow } from '../store/store-port.js'
import { SOURCE, type HistoryBody, type TasksBody, type TicketBody } from '../http/test-support/api-harness.js'
import { ERP_TOKEN, startAcceptanceEngine, type AcceptanceEngine } from './test-support/acceptance-engine.js'
import { seedFlow } from './test-support/seed-flow.js'

let a: AcceptanceEngine
beforeAll(async () => {
  a = await startAcceptanceEngine()
  a.erp.reply((req) => {
    const serial = (req.body as { serial?: string } | undefined)?.serial
    if (serial === 'SN-500') return { status: 500, body: { message: 'ERP down' } }
    if (serial === 'SN-HANG') return { hang: true }
    if (serial === 'SN-UNKNOWN') return { status: 200, body: { errorCode: 'SERIAL_UNKNOWN' } }
    return { status: 200, body: { status: 'valid' } }
  })
  const deployed = await a.h.call('POST', '/api/v1/deployments', { token: 'deploy', body: { definitions: [seedFlow()], source: SOURCE } })
  expect(deployed.status).toBe(201)
})
afterAll(async () => a.close())

type Row = HistoryRow['entry']

/** What the seed flow leaves behind for one ticket, everything read over HTTP. */
interface Outcome {
  ticket: TicketBody['ticket']
  instance: ProcessInstance
  history: Row[]
  articles: TicketBody['articles']
  erpRequests: typeof a.erp.requests
  mail: (typeof a.smtp.received)[number] | undefined
}

/** Creates a ticket as agent Anna, lets the worker run, submits the confirm dialog, lets the worker send the mail. */
async function runFlow(title: string, serial: string, category: string): Promise<Outcome> {
  const { h } = a
  const erpBefore = a.erp.requests.length
  const created = await h.call<TicketBody>('POST', '/api/v1/tickets', {
    token: 'anna',
    body: { Title: title, Queue: 'Service Desk', CustomerUser: 'c.miller', CustomerID: 'ACME', DynamicField: { Serial: serial } },
  })
  expect(created.status).toBe(201)
  expect(created.body.instance).toMatchObject({ processId: 'incident-triage', status: 'running' })
  const id = created.body.ticket.id
  await h.engine.worker.runOnce()

  const tasks = await h.call<TasksBody>('GET', `/api/v1/tasks?ticket=${id}`, { token: 'anna' })
  expect(tasks.body.tasks).toMatchObject([{ activity: 'confirm', dialogs: [{ id: 'confirm-classification' }] }])
  const taskId = tasks.body.tasks[0]?.id ?? ''
  const submitted = await h.call<{ instance: ProcessInstance }>('POST', `/api/v1/tasks/${taskId}/submit`, {
    token: 'anna',
    body: { dialog: 'confirm-classification', values: { DynamicField_Category: category }, article: { subject: 'Solved', body: 'Done.' } },
  })
  expect(submitted.status).toBe(200)
  expect(submitted.body.instance).toMatchObject({ status: 'completed', activity: 'resolved' })
  await h.engine.worker.runOnce()

  const ticket = await h.call<TicketBody>('GET', `/api/v1/tickets/${id}`, { token: 'anna' })
  const history = await h.call<HistoryBody>('GET', `/api/v1/tickets/${id}/history`, { token: 'anna' })
  const mailSubject = `Subject: Your request is resolved [${ticket.body.ticket.number}]`
  return {
    ticket: ticket.body.ticket,
    instance: submitted.body.instance,
    history: history.body.history.map((r) => r.entry),
    articles: ticket.body.articles,
    erpRequests: a.erp.requests.slice(erpBefore),
    mail: a.smtp.received.find((m) => m.raw.includes(mailSubject)),
  }
}

const taken = (o: Outcome): string[] => o.history.flatMap((r) => (r.type === 'transition.taken' && 'transition' in r ? [String(r.transition)] : []))
const ofType = (o: Outcome, type: string): Row[] => o.history.filter((r) => r.type === type)

function expectResolvedMail(o: Outcome): void {
  expect(o.mail).toBeDefined()
  expect(o.mail?.to).toEqual(['c.miller@acme.example'])
  expect(o.mail?.from).toBe('helpdesk@example.com')
  expect(o.mail?.raw).toContain('Dear Carla,')
  expect(o.mail?.raw).toContain(`your request "${o.ticket.Title}" has been resolved.`)
  expect(o.ticket.State).toBe('closed successful')
}

describe('the seed flow over HTTP (incident-triage)', () => {
  it('condition no: not hardware goes straight to the agent; no ERP call; the customer gets the template mail', async () => {
    const o = await runFlow('Cannot open the spreadsheet', 'SN-NONE', 'software')
    expect(taken(o)).toEqual(['not-hardware', 'resolve'])
    expect(o.erpRequests).toEqual([])
    expect(o.ticket).toMatchObject({ Queue: 'Service Desk', DynamicField: { Category: 'software' } })
    expect(o.history.map((r) => r.type)).toEqual(expect.arrayContaining(['process.started', 'script.completed', 'dialog.submitted', 'process.completed']))
    expectResolvedMail(o)
  })

  it('condition yes, service succeeds: the ERP gets the serial with an Idempotency-Key and its answer lands on the ticket', async () => {
    const o = await runFlow('My laptop does not boot', 'SN-4711', 'hardware')
    expect(taken(o)).toEqual(['hardware', 'warranty-known', 'resolve'])
    expect(o.erpRequests).toHaveLength(1)
    const req = o.erpRequests[0]
    expect(req).toMatchObject({ method: 'POST', path: '/erp/warranty', body: { serial: 'SN-4711' } })
    expect(req?.headers.authorization).toBe(`Bearer ${ERP_TOKEN}`)
    expect(req?.headers['idempotency-key']).toMatch(new RegExp(`^${o.instance.id}:check-warranty:\\d+$`))
    expect(o.ticket).toMatchObject({ Queue: 'Hardware', DynamicField: { Category: 'hardware', Warranty: 'valid' } })
    expect(ofType(o, 'service.succeeded')).toMatchObject([{ activity: 'check-warranty', status: 200, attempts: 1 }])
    expect(ofType(o, 'field.changed')).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'DynamicField_Warranty', to: 'valid' })]))
    expectResolvedMail(o)
  })

  it('service answers 500: retried once with the same Idempotency-Key, then the error path records the failure', async () => {
    const o = await runFlow('Printer makes noises', 'SN-500', 'hardware')
    expect(taken(o)).toEqual(['hardware', 'warranty-lookup-failed', 'failure-logged', 'resolve'])
    expect(o.erpRequests).toHaveLength(2)
    const keys = o.erpRequests.map((r) => r.headers['idempotency-key'])
    expect(keys[0]).toBeDefined()
    expect(keys[1]).toBe(keys[0])
    expect(o.erpRequests.map((r) => r.body)).toEqual([{ serial: 'SN-500' }, { serial: 'SN-500' }])
    expect(ofType(o, 'service.failed')).toMatchObject([{ activity: 'check-warranty', status: 500, attempts: 2 }])
    expect(o.ticket.DynamicField).toMatchObject({ Warranty: 'unknown', Notes: 'Warranty lookup failed for serial "SN-500".' })
    expect(o.articles).toEqual(expect.arrayContaining([expect.objectContaining({ subject: 'Warranty lookup failed', body: 'Warranty lookup failed for serial "SN-500".', channel: 'Internal' })]))
    expectResolvedMail(o)
  })

  it('service times out: both attempts are cut off, then the error path runs', async () => {
    const o = await runFlow('Monitor flickers', 'SN-HANG', 'hardware')
    expect(taken(o)).toEqual(['hardware', 'warranty-lookup-failed', 'failure-logged', 'resolve'])
    expect(o.erpRequests).toHaveLength(2)
    expect(ofType(o, 'service.failed')).toMatchObject([{ activity: 'check-warranty', attempts: 2, message: expect.stringContaining('did not answer within 250 ms') }])
    expect(o.ticket.DynamicField).toMatchObject({ Warranty: 'unknown' })
    expectResolvedMail(o)
  })

  it('service answers 200 with a declared error code: treated as failure, error path', async () => {
    const o = await runFlow('Laptop serial unknown', 'SN-UNKNOWN', 'hardware')
    expect(taken(o)).toEqual(['hardware', 'warranty-lookup-failed', 'failure-logged', 'resolve'])
    expect(ofType(o, 'service.failed')).toMatchObject([{ activity: 'check-warranty', status: 200 }])
    expectResolvedMail(o)
  })
})
