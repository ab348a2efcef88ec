import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SOURCE, startHarness, triageDefinition, type ApiError, type ApiHarness, type HistoryBody, type InstanceBody, type InstancesBody, type TasksBody, type TicketBody } from './test-support/api-harness.js'

describe('auth and visibility', () => {
  let h: ApiHarness
  beforeEach(async () => {
    h = await startHarness()
  })
  afterEach(async () => h.close())

  it('answers 401 without or with an unknown token and 403 for a missing scope', async () => {
    const none = await h.call('GET', '/api/v1/processes', { token: null })
    expect(none.status).toBe(401)
    expect(none.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' }, requestId: expect.any(String) })
    const res = await fetch(`${h.engine.url}/api/v1/processes`, { headers: { authorization: 'Bearer nope-nope-nope' } })
    expect(res.status).toBe(401)
    const wrong = await h.call<ApiError>('POST', '/api/v1/deployments', { token: 'read', body: { definitions: [], source: SOURCE } })
    expect(wrong.status).toBe(403)
    expect(wrong.body.error.code).toBe('FORBIDDEN')
    expect((await h.call('GET', '/api/v1/processes', { token: 'anna' })).status).toBe(403)
    expect((await h.call('POST', '/api/v1/instances/x/retry', { token: 'deploy' })).status).toBe(403)
    expect((await h.call('PATCH', '/api/v1/tickets/x', { token: 'carla', body: { Title: 'x' } })).status).toBe(403)
  })

  it('echoes X-Request-Id and serves the schema, health and metrics', async () => {
    const res = await fetch(`${h.engine.url}/api/v1/schema`, { headers: { authorization: 'Bearer read-token-0123456789', 'x-request-id': 'abc-123' } })
    expect(res.headers.get('x-request-id')).toBe('abc-123')
    const schema = (await res.json()) as { apiVersion: string; scripts: { name: string }[] }
    expect(schema.apiVersion).toBe('ablauf/target-v1')
    expect(schema.scripts.map((s) => s.name)).toEqual(expect.arrayContaining(['classify-by-keywords', 'copy-field', 'compute-due-date', 'render-template']))
    expect((await h.call('GET', '/healthz', { token: null })).body).toEqual({ status: 'ok' })
    expect((await h.call('GET', '/readyz', { token: null })).body).toMatchObject({ status: 'ready', store: { ok: true } })
    const metrics = await h.call('GET', '/metrics', { token: null })
    expect(metrics.body).toContain('ablauf_http_request_duration_seconds_bucket{')
    expect(metrics.body).toContain('route="/api/v1/schema"')
    expect(metrics.body).toContain('ablauf_job_queue_depth')
  })

  it('shows agents only tasks of queues their roles allow, customers only their own tickets', async () => {
    expect((await h.call('POST', '/api/v1/deployments', { token: 'deploy', body: { definitions: [triageDefinition()], source: SOURCE } })).status).toBe(201)
    const created = await h.call<TicketBody>('POST', '/api/v1/tickets', {
      token: 'carla',
      body: { Title: 'Printer broken', Queue: 'Service Desk', Article: { subject: 'Help', body: 'It jams' } },
    })
    expect(created.status).toBe(201)
    expect(created.body.ticket).toMatchObject({ CustomerUser: 'c.miller', CustomerID: 'ACME', State: 'new', Priority: '3 normal' })
    expect(created.body.instance).toMatchObject({ processId: 'incident-triage', status: 'running', activity: 'confirm' })
    const ticketId = created.body.ticket.id

    const anna = await h.call<TasksBody>('GET', '/api/v1/tasks', { token: 'anna' })
    expect(anna.body.tasks).toMatchObject([{ ticketId, activity: 'confirm', dialogs: [{ id: 'confirm-dialog' }] }])
    expect((await h.call<TasksBody>('GET', '/api/v1/tasks', { token: 'hanna' })).body.tasks).toEqual([])
    expect((await h.call<TasksBody>('GET', '/api/v1/tasks', { token: 'carla' })).body.tasks).toEqual([])
    const taskId = anna.body.tasks[0]?.id

    expect((await h.call('GET', `/api/v1/tickets/${ticketId}`, { token: 'carla' })).status).toBe(200)
    expect((await h.call('GET', `/api/v1/tickets/${ticketId}`, { token: 'john' })).status).toBe(404)
    expect((await h.call('GET', `/api/v1/tickets/${ticketId}`, { token: 'hanna' })).status).toBe(404)
    expect((await h.call('GET', `/api/v1/tickets/${ticketId}/history`, { token: 'anna' })).status).toBe(200)
    expect((await h.call('POST', `/api/v1/tasks/${taskId}/submit`, { token: 'hanna', body: { dialog: 'confirm-dialog', values: {} } })).status).toBe(404)
    expect((await h.call('POST', `/api/v1/tasks/${taskId}/submit`, { token: 'carla', body: { dialog: 'confirm-dialog', values: {} } })).status).toBe(404)
    expect((await h.call('POST', '/api/v1/tickets', { token: 'hanna', body: { Title: 'x', Queue: 'Hardware' } })).status).toBe(403)

    const submitted = await h.call('POST', `/api/v1/tasks/${taskId}/submit`, {
      token: 'anna',
      body: { dialog: 'confirm-dialog', values: { DynamicField_Category: 'hardware' } },
    })
    expect(submitted.status).toBe(200)
    expect(submitted.body.instance).toMatchObject({ status: 'completed' })
    const after = await h.call('GET', `/api/v1/tickets/${ticketId}`, { token: 'anna' })
    expect(after.body.ticket).toMatchObject({ State: 'closed successful', DynamicField: { Category: 'hardware' } })
    const history = await h.call<HistoryBody>('GET', `/api/v1/tickets/${ticketId}/history`, { token: 'read' })
    expect(history.body.history.map((r) => r.entry.type)).toEqual(
      expect.arrayContaining(['ticket.created', 'process.started', 'dialog.submitted', 'process.completed']),
    )
    const instances = await h.call<InstancesBody>('GET', '/api/v1/instances?process=incident-triage&state=completed', { token: 'read' })
    expect(instances.body.instances).toHaveLength(1)
    expect((await h.call<InstanceBody>('GET', `/api/v1/instances/${instances.body.instances[0]?.id}`, { token: 'read' })).body.instance.status).toBe('completed')
  })
})

describe('ticket changes', () => {
  let h: ApiHarness
  beforeEach(async () => {
    h = await startHarness()
  })
  afterEach(async () => h.close())

  it('lets an agent change a ticket within their queues, records history, and refuses moving it out of them', async () => {
    const created = await h.call<TicketBody>('POST', '/api/v1/tickets', { token: 'anna', body: { Title: 'Mouse', Queue: 'Service Desk' } })
    const id = created.body.ticket.id
    const changed = await h.call('PATCH', `/api/v1/tickets/${id}`, { token: 'anna', body: { Queue: 'Hardware', DynamicField: { Urgent: true } } })
    expect(changed.status).toBe(200)
    expect(changed.body).toMatchObject({ ticket: { Queue: 'Hardware', DynamicField: { Urgent: true } }, changed: ['Queue', 'DynamicField_Urgent'] })
    const history = await h.call<HistoryBody>('GET', `/api/v1/tickets/${id}/history`, { token: 'anna' })
    expect(history.body.history.map((r) => r.entry.type)).toEqual(['ticket.created', 'ticket.updated'])
    const before = await h.dbHash()
    const out = await h.call('PATCH', `/api/v1/tickets/${id}`, { token: 'anna', body: { Queue: 'HR' } })
    expect(out.status).toBe(403)
    expect(await h.dbHash()).toBe(before)
  })
})
