import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ProcessInstance } from '@ablauf/sdk/runtime'
import { SOURCE, TOKENS, type DeployBody, type TasksBody, type TicketBody } from '../http/test-support/api-harness.js'
import { startAcceptanceEngine, type AcceptanceEngine } from './test-support/acceptance-engine.js'
import { seedFlow } from './test-support/seed-flow.js'

/** One malformed or unauthorised request and the answer the API documents for it. */
interface BadRequest {
  name: string
  method: 'GET' | 'POST' | 'PUT' | 'PATCH'
  path: string
  /** A token of the harness, a literal Authorization header, or none. */
  auth: keyof typeof TOKENS | { header: string } | null
  body?: unknown
  raw?: string
  status: number
  code: string
}

let a: AcceptanceEngine
/** Ids the table refers to: an open agent task, a closed task, a completed and a running instance. */
const ids = { openTicket: '', openTask: '', openInstance: '', closedTask: '', doneInstance: '', deployment: '' }

beforeAll(async () => {
  a = await startAcceptanceEngine({ bodyLimit: '64kb' })
  const deployed = await a.h.call<DeployBody>('POST', '/api/v1/deployments', { token: 'deploy', body: { definitions: [seedFlow()], source: SOURCE } })
  ids.deployment = deployed.body.deployment?.id ?? ''
  const open = await a.h.call<TicketBody>('POST', '/api/v1/tickets', { token: 'anna', body: { Title: 'Spreadsheet crashes', Queue: 'Service Desk', CustomerUser: 'c.miller' } })
  const done = await a.h.call<TicketBody>('POST', '/api/v1/tickets', { token: 'anna', body: { Title: 'Word crashes', Queue: 'Service Desk', CustomerUser: 'c.miller' } })
  ids.openTicket = open.body.ticket.id
  ids.openInstance = open.body.instance?.id ?? ''
  const taskOf = async (ticket: string) => (await a.h.call<TasksBody>('GET', `/api/v1/tasks?ticket=${ticket}`, { token: 'anna' })).body.tasks[0]?.id ?? ''
  ids.openTask = await taskOf(ids.openTicket)
  ids.closedTask = await taskOf(done.body.ticket.id)
  const submitted = await a.h.call<{ instance: ProcessInstance }>('POST', `/api/v1/tasks/${ids.closedTask}/submit`, {
    token: 'anna',
    body: { dialog: 'confirm-classification', values: { DynamicField_Category: 'software' } },
  })
  expect(submitted.body.instance.status).toBe('completed')
  ids.doneInstance = submitted.body.instance.id
  await a.h.engine.worker.runOnce()
  expect(Object.values(ids).every((v) => v !== '')).toBe(true)
})
afterAll(async () => a.close())

/** A valid definition with one part replaced. */
const seedWith = (over: Record<string, unknown>): Record<string, unknown> => ({ ...seedFlow(), ...over })
const resolveWith = (actions: unknown[]) =>
  seedWith({ transitions: seedFlow().transitions.map((t) => (t.id === 'resolve' ? { ...t, actions } : t)) })

function table(): BadRequest[] {
  const submit = `/api/v1/tasks/${ids.openTask}/submit`
  const ok = { dialog: 'confirm-classification', values: { DynamicField_Category: 'software' } }
  const deploy = (definition: unknown, extra: Record<string, unknown> = {}) => ({ definitions: [definition], source: SOURCE, ...extra })
  return [
    // Malformed bodies
    { name: 'body is not valid JSON', method: 'POST', path: '/api/v1/tickets', auth: 'anna', raw: '{"Title": ', status: 400, code: 'BAD_REQUEST' },
    { name: 'body is a JSON array', method: 'POST', path: '/api/v1/tickets', auth: 'anna', raw: '[1, 2]', status: 400, code: 'BAD_REQUEST' },
    { name: 'wrong type: Title is a number', method: 'POST', path: '/api/v1/tickets', auth: 'anna', body: { Title: 42, Queue: 'Service Desk' }, status: 400, code: 'BAD_REQUEST' },
    { name: 'unknown key in a ticket', method: 'POST', path: '/api/v1/tickets', auth: 'anna', body: { Title: 'x', Queue: 'Service Desk', Colour: 'red' }, status: 400, code: 'BAD_REQUEST' },
    { name: 'missing required Title', method: 'POST', path: '/api/v1/tickets', auth: 'anna', body: { Queue: 'Service Desk' }, status: 400, code: 'BAD_REQUEST' },
    { name: 'ticket in an unknown queue', method: 'POST', path: '/api/v1/tickets', auth: 'admin', body: { Title: 'x', Queue: 'Servce Desk' }, status: 400, code: 'BAD_REQUEST' },
    { name: 'ticket with an unknown dropdown value', method: 'POST', path: '/api/v1/tickets', auth: 'admin', body: { Title: 'x', Queue: 'Misc', DynamicField: { Category: 'furniture' } }, status: 400, code: 'BAD_REQUEST' },
    { name: 'oversized body', method: 'POST', path: '/api/v1/deployments', auth: 'deploy', body: deploy(seedWith({ description: 'x'.repeat(100_000) })), status: 413, code: 'PAYLOAD_TOO_LARGE' },
    { name: 'patch with nothing to change', method: 'PATCH', path: `/api/v1/tickets/${ids.openTicket}`, auth: 'anna', body: {}, status: 400, code: 'BAD_REQUEST' },
    // Authentication and scopes
    { name: 'no token', method: 'GET', path: '/api/v1/tasks', auth: null, status: 401, code: 'UNAUTHENTICATED' },
    { name: 'unknown token', method: 'GET', path: '/api/v1/tasks', auth: { header: 'Bearer not-a-known-token-123456' }, status: 401, code: 'UNAUTHENTICATED' },
    { name: 'not a bearer token', method: 'GET', path: '/api/v1/tasks', auth: { header: 'Basic YWRtaW46YWRtaW4=' }, status: 401, code: 'UNAUTHENTICATED' },
    { name: 'read token deploys', method: 'POST', path: '/api/v1/deployments', auth: 'read', body: deploy(seedFlow()), status: 403, code: 'FORBIDDEN' },
    { name: 'deploy token creates a ticket', method: 'POST', path: '/api/v1/tickets', auth: 'deploy', body: { Title: 'x', Queue: 'Misc' }, status: 403, code: 'FORBIDDEN' },
    { name: 'customer lists instances', method: 'GET', path: '/api/v1/instances', auth: 'carla', status: 403, code: 'FORBIDDEN' },
    { name: 'agent retries an instance', method: 'POST', path: `/api/v1/instances/${ids.openInstance}/retry`, auth: 'anna', status: 403, code: 'FORBIDDEN' },
    { name: 'agent creates a ticket in a queue their roles do not allow', method: 'POST', path: '/api/v1/tickets', auth: 'hanna', body: { Title: 'x', Queue: 'Service Desk' }, status: 403, code: 'FORBIDDEN' },
    { name: 'agent moves a ticket out of their queues', method: 'PATCH', path: `/api/v1/tickets/${ids.openTicket}`, auth: 'anna', body: { Queue: 'HR' }, status: 403, code: 'FORBIDDEN' },
    { name: "another agent's task (queue not allowed)", method: 'POST', path: submit, auth: 'hanna', body: ok, status: 404, code: 'NOT_FOUND' },
    { name: 'customer submits an agent-only dialog of their own ticket', method: 'POST', path: submit, auth: 'carla', body: ok, status: 404, code: 'NOT_FOUND' },
    { name: "customer reads someone else's ticket", method: 'GET', path: `/api/v1/tickets/${ids.openTicket}`, auth: 'john', status: 404, code: 'NOT_FOUND' },
    { name: 'customer reads the process history', method: 'GET', path: `/api/v1/tickets/${ids.openTicket}/history`, auth: 'carla', status: 403, code: 'FORBIDDEN' },
    { name: 'customer creates a ticket for another customer', method: 'POST', path: '/api/v1/tickets', auth: 'carla', body: { Title: 'x', Queue: 'Misc', CustomerUser: 'j.doe' }, status: 403, code: 'FORBIDDEN' },
    { name: 'non-admin raises a trace level', method: 'PUT', path: '/api/v1/debug/trace', auth: 'read', body: { ticket: ids.openTicket, level: 'trace' }, status: 403, code: 'FORBIDDEN' },
    // Dialogs
    { name: 'submit without a required field', method: 'POST', path: submit, auth: 'anna', body: { dialog: 'confirm-classification', values: {} }, status: 422, code: 'REQUIRED_FIELD_MISSING' },
    { name: 'submit of a dialog the task does not have', method: 'POST', path: submit, auth: 'anna', body: { ...ok, dialog: 'approve' }, status: 409, code: 'WRONG_ACTIVITY' },
    { name: 'submit for an activity the ticket has left', method: 'POST', path: `/api/v1/tasks/${ids.closedTask}/submit`, auth: 'anna', body: ok, status: 409, code: 'WRONG_ACTIVITY' },
    { name: 'submit with an object as field value', method: 'POST', path: submit, auth: 'anna', body: { ...ok, values: { DynamicField_Category: { a: 1 } } }, status: 400, code: 'BAD_REQUEST' },
    { name: 'submit without a dialog', method: 'POST', path: submit, auth: 'anna', body: { values: {} }, status: 400, code: 'BAD_REQUEST' },
    { name: 'submit of an unknown task', method: 'POST', path: '/api/v1/tasks/no-such-task/submit', auth: 'anna', body: ok, status: 404, code: 'NOT_FOUND' },
    // Deployments the target does not support
    { name: 'deployment naming an unknown queue', method: 'POST', path: '/api/v1/deployments', auth: 'deploy', body: deploy(resolveWith([{ type: 'setQueue', queue: 'Nowhere' }])), status: 422, code: 'DEFINITION_INVALID' },
    { name: 'deployment naming an unknown dynamic field', method: 'POST', path: '/api/v1/deployments', auth: 'deploy', body: deploy(resolveWith([{ type: 'setDynamicField', field: 'Colour', value: 'red' }])), status: 422, code: 'DEFINITION_INVALID' },
    { name: 'deployment naming an unknown dropdown value', method: 'POST', path: '/api/v1/deployments', auth: 'deploy', body: deploy(resolveWith([{ type: 'setDynamicField', field: 'Warranty', value: 'forever' }])), status: 422, code: 'DEFINITION_INVALID' },
    {
      name: 'deployment naming an unknown web service',
      method: 'POST',
      path: '/api/v1/deployments',
      auth: 'deploy',
      body: deploy(seedWith({ activities: seedFlow().activities.map((x) => (x.kind === 'service' ? { ...x, webService: 'SAP' } : x)) })),
      status: 422,
      code: 'DEFINITION_INVALID',
    },
    { name: 'deployment naming an unknown script', method: 'POST', path: '/api/v1/deployments', auth: 'deploy', body: deploy(seedWith({ activities: seedFlow().activities.map((x) => (x.kind === 'script' ? { ...x, script: 'rm-rf' } : x)) })), status: 422, code: 'DEFINITION_INVALID' },
    {
      name: 'deployment whose script writes a value the dropdown lacks',
      method: 'POST',
      path: '/api/v1/deployments',
      auth: 'deploy',
      body: deploy(seedWith({ activities: seedFlow().activities.map((x) => (x.kind === 'script' && x.script === 'classify-by-keywords' ? { ...x, params: { ...x.params, rules: [{ keywords: ['vpn'], value: 'netwrk' }] } } : x)) })),
      status: 422,
      code: 'DEFINITION_INVALID',
    },
    { name: 'deployment of something that is no definition', method: 'POST', path: '/api/v1/deployments', auth: 'deploy', body: deploy({ apiVersion: 'v0' }), status: 422, code: 'DEFINITION_INVALID' },
    { name: 'deployment with an unknown key', method: 'POST', path: '/api/v1/deployments', auth: 'deploy', body: deploy(seedFlow(), { force: true }), status: 400, code: 'BAD_REQUEST' },
    { name: 'deployment based on a stale deployment', method: 'POST', path: '/api/v1/deployments', auth: 'deploy', body: deploy(seedFlow(2), { basedOn: 'an-older-deployment' }), status: 409, code: 'VERSION_CONFLICT' },
    // Unknown ids and bad query parameters
    { name: 'unknown ticket', method: 'GET', path: '/api/v1/tickets/no-such-ticket', auth: 'read', status: 404, code: 'NOT_FOUND' },
    { name: 'unknown instance', method: 'GET', path: '/api/v1/instances/no-such-instance', auth: 'read', status: 404, code: 'NOT_FOUND' },
    { name: 'unknown process version', method: 'GET', path: '/api/v1/processes/incident-triage/versions/99', auth: 'read', status: 404, code: 'NOT_FOUND' },
    { name: 'unknown deployment', method: 'GET', path: '/api/v1/deployments/no-such-deployment', auth: 'read', status: 404, code: 'NOT_FOUND' },
    { name: 'unknown route', method: 'GET', path: '/api/v1/widgets', auth: 'read', status: 404, code: 'NOT_FOUND' },
    { name: 'version that is neither a number nor a hash', method: 'GET', path: '/api/v1/processes/incident-triage/versions/latest', auth: 'read', status: 400, code: 'BAD_REQUEST' },
    { name: 'unknown instance state filter', method: 'GET', path: '/api/v1/instances?state=sleeping', auth: 'read', status: 400, code: 'BAD_REQUEST' },
    { name: 'unknown query parameter', method: 'GET', path: `/api/v1/tickets/${ids.openTicket}?colour=red`, auth: 'read', status: 400, code: 'BAD_REQUEST' },
    { name: 'task limit of zero', method: 'GET', path: '/api/v1/tasks?limit=0', auth: 'anna', status: 400, code: 'BAD_REQUEST' },
    // Operations that do not apply
    { name: 'retry of a completed instance', method: 'POST', path: `/api/v1/instances/${ids.doneInstance}/retry`, auth: 'admin', status: 409, code: 'CONFLICT' },
    { name: 'retry of a running instance without an incident', method: 'POST', path: `/api/v1/instances/${ids.openInstance}/retry`, auth: 'admin', status: 409, code: 'CONFLICT' },
    { name: 'retry of an unknown instance', method: 'POST', path: '/api/v1/instances/no-such-instance/retry', auth: 'admin', status: 404, code: 'NOT_FOUND' },
    { name: 'retry with a body', method: 'POST', path: `/api/v1/instances/${ids.openInstance}/retry`, auth: 'admin', body: { force: true }, status: 400, code: 'BAD_REQUEST' },
    { name: 'trace rule naming neither process nor ticket', method: 'PUT', path: '/api/v1/debug/trace', auth: 'admin', body: { level: 'trace' }, status: 400, code: 'BAD_REQUEST' },
    { name: 'trace rule with an unknown level', method: 'PUT', path: '/api/v1/debug/trace', auth: 'admin', body: { ticket: ids.openTicket, level: 'verbose' }, status: 400, code: 'BAD_REQUEST' },
  ]
}

async function send(r: BadRequest): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = {}
  if (r.auth !== null) headers.authorization = typeof r.auth === 'string' ? `Bearer ${TOKENS[r.auth]}` : r.auth.header
  if (r.body !== undefined || r.raw !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${a.h.engine.url}${r.path}`, { method: r.method, headers, body: r.raw ?? (r.body === undefined ? undefined : JSON.stringify(r.body)) })
  return { status: res.status, body: (await res.json()) as unknown }
}

describe('bad input: documented status and code, and the database byte-for-byte unchanged', () => {
  it('answers each malformed or unauthorised request with its error and changes nothing', async () => {
    const cases = table()
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length)
    expect(cases.length).toBeGreaterThanOrEqual(25)
    const before = await a.h.dbHash()
    for (const c of cases) {
      const res = await send(c)
      expect({ name: c.name, status: res.status }).toEqual({ name: c.name, status: c.status })
      expect(res.body, c.name).toMatchObject({ error: { code: c.code, message: expect.any(String), details: expect.any(Object) }, requestId: expect.any(String) })
      expect(JSON.stringify(res.body), c.name).not.toMatch(/\s+at .*\.(ts|js):\d+/)
      expect(await a.h.dbHash(), `database changed by: ${c.name}`).toBe(before)
    }
  })
})
