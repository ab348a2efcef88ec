import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SOURCE, startHarness, triageDefinition, type ApiErrorWith, type ApiHarness, type IssueDetails, type TasksBody } from './test-support/api-harness.js'

describe('bad input changes nothing', () => {
  let h: ApiHarness
  let before: string
  beforeEach(async () => {
    h = await startHarness({ bodyLimit: '64kb' })
    await h.call('POST', '/api/v1/deployments', { token: 'deploy', body: { definitions: [triageDefinition()], source: SOURCE } })
    await h.call('POST', '/api/v1/tickets', { token: 'anna', body: { Title: 'Seed', Queue: 'Service Desk' } })
    before = await h.dbHash()
  })
  afterEach(async () => {
    expect(await h.dbHash()).toBe(before)
    await h.close()
  })

  const expectError = (res: { status: number; body: unknown }, status: number, code: string) => {
    expect(res.status).toBe(status)
    expect(res.body).toMatchObject({ error: { code, message: expect.any(String), details: expect.any(Object) }, requestId: expect.any(String) })
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/)
  }

  it('bad JSON → 400 BAD_REQUEST', async () => {
    expectError(await h.call('POST', '/api/v1/tickets', { token: 'anna', raw: '{"Title": ' }), 400, 'BAD_REQUEST')
  })

  it('wrong types and unknown keys → 400 BAD_REQUEST naming the path', async () => {
    const wrong = await h.call<ApiErrorWith<IssueDetails>>('POST', '/api/v1/tickets', { token: 'anna', body: { Title: 42, Queue: 'Service Desk' } })
    expectError(wrong, 400, 'BAD_REQUEST')
    expect(wrong.body.error.details.issues[0]?.path).toEqual(['body', 'Title'])
    const extra = await h.call<ApiErrorWith<IssueDetails>>('POST', '/api/v1/deployments', { token: 'deploy', body: { definitions: [], source: SOURCE, force: true } })
    expectError(extra, 400, 'BAD_REQUEST')
    expect(extra.body.error.message).toContain('force')
    expectError(await h.call('GET', '/api/v1/instances?state=sleeping', { token: 'read' }), 400, 'BAD_REQUEST')
    expectError(await h.call('GET', '/api/v1/instances?colour=red', { token: 'read' }), 400, 'BAD_REQUEST')
  })

  it('unknown queue, field or dropdown value in a ticket → 400', async () => {
    const res = await h.call<ApiErrorWith<IssueDetails>>('POST', '/api/v1/tickets', {
      token: 'admin',
      body: { Title: 'x', Queue: 'Servce Desk', DynamicField: { Categroy: 'hardware', Warranty: 'forever' } },
    })
    expectError(res, 400, 'BAD_REQUEST')
    expect(res.body.error.details.issues.map((i) => i.path.join('.'))).toEqual([
      'body.Queue', 'body.DynamicField.Categroy', 'body.DynamicField.Warranty',
    ])
    expect(res.body.error.message).toContain('did you mean "Service Desk"')
  })

  it('oversized body → 413 PAYLOAD_TOO_LARGE', async () => {
    const big = { definitions: [triageDefinition('big', { description: 'x'.repeat(100_000) })], source: SOURCE }
    expectError(await h.call('POST', '/api/v1/deployments', { token: 'deploy', body: big }), 413, 'PAYLOAD_TOO_LARGE')
  })

  it('unknown queue, field, dropdown value (also one a script writes), placeholder or web service in a deployment → 422 DEFINITION_INVALID', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ transitions: [{ id: 'close', from: 'confirm', to: 'done', actions: [{ type: 'setQueue', queue: 'Nowhere' }] }] }, 'UNKNOWN_QUEUE'],
      [{ transitions: [{ id: 'close', from: 'confirm', to: 'done', actions: [{ type: 'setDynamicField', field: 'Colour', value: 'red' }] }] }, 'UNKNOWN_DYNAMIC_FIELD'],
      [{ transitions: [{ id: 'close', from: 'confirm', to: 'done', actions: [{ type: 'setDynamicField', field: 'Warranty', value: 'forever' }] }] }, 'UNKNOWN_FIELD_VALUE'],
      [
        {
          start: { on: 'ticket.created', activity: 'call' },
          activities: [
            { id: 'call', name: 'Call', description: 'x', kind: 'service', webService: 'SAP', invoker: 'WarrantyLookup' },
            { id: 'done', name: 'Done', description: 'x', kind: 'end' },
          ],
          transitions: [{ id: 'next', from: 'call', to: 'done', description: 'x' }],
        },
        'UNKNOWN_WEB_SERVICE',
      ],
      [scriptOnly('classify-by-keywords', { target: 'DynamicField_Category', rules: [{ keywords: ['vpn'], value: 'netwrk' }] }), 'UNKNOWN_FIELD_VALUE'],
      [scriptOnly('render-template', { field: 'DynamicField_Notes', template: 'Serial {{ticket.DynamicField.Serail}}' }), 'UNKNOWN_FIELD'],
    ]
    for (const [over, code] of cases) {
      const res = await h.call<ApiErrorWith<IssueDetails>>('POST', '/api/v1/deployments', { token: 'deploy', body: { definitions: [triageDefinition('incident-triage', over)], source: SOURCE } })
      expectError(res, 422, 'DEFINITION_INVALID')
      expect(res.body.error.details.definitions[0]?.issues.map((i) => i.code)).toContain(code)
    }
    const schema = await h.call('POST', '/api/v1/deployments', { token: 'deploy', body: { definitions: [{ apiVersion: 'v0' }], source: SOURCE } })
    expectError(schema, 422, 'DEFINITION_INVALID')
  })

  it('unknown routes and ids → 404, wrong dialog → 409, missing required field → 422', async () => {
    expectError(await h.call('GET', '/api/v1/nothing-here', { token: 'read' }), 404, 'NOT_FOUND')
    expectError(await h.call('GET', '/api/v1/tickets/unknown', { token: 'read' }), 404, 'NOT_FOUND')
    expectError(await h.call('GET', '/api/v1/instances/unknown', { token: 'read' }), 404, 'NOT_FOUND')
    const tasks = await h.call<TasksBody>('GET', '/api/v1/tasks', { token: 'anna' })
    const wrong = await h.call<ApiErrorWith<IssueDetails>>('POST', `/api/v1/tasks/${tasks.body.tasks[0]?.id}/submit`, { token: 'anna', body: { dialog: 'other-dialog', values: {} } })
    expectError(wrong, 409, 'WRONG_ACTIVITY')
    const missing = await h.call<ApiErrorWith<IssueDetails>>('POST', `/api/v1/tasks/${tasks.body.tasks[0]?.id}/submit`, { token: 'anna', body: { dialog: 'confirm-dialog', values: {} } })
    expectError(missing, 422, 'REQUIRED_FIELD_MISSING')
    expect(missing.body.error.details.fields).toEqual(['DynamicField_Category'])
  })
})

/** A process of one script task with `params`, then its end. */
function scriptOnly(script: string, params: Record<string, unknown>): Record<string, unknown> {
  return {
    start: { on: 'ticket.created', activity: 'run' },
    activities: [
      { id: 'run', name: 'Run', description: 'x', kind: 'script', script, params },
      { id: 'done', name: 'Done', description: 'x', kind: 'end' },
    ],
    transitions: [{ id: 'next', from: 'run', to: 'done', description: 'x' }],
  }
}
