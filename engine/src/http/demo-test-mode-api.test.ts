import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedProcess } from '../runtime/test-support/seed-process.js'
import { SOURCE, startHarness, type ApiHarness, type TicketBody } from './test-support/api-harness.js'

describe('test mode on the demo config', () => {
  let h: ApiHarness
  const outbound: string[] = []
  beforeEach(async () => {
    outbound.length = 0
    h = await startHarness({
      env: { ERP_TOKEN: 'erp-secret' },
      fetch: async (input) => {
        outbound.push(String(input))
        return new Response('{"status":"expired"}', { status: 200, headers: { 'content-type': 'application/json' } })
      },
    })
    expect((await h.call('POST', '/api/v1/deployments', { token: 'deploy', body: { definitions: [seedProcess()], source: SOURCE } })).status).toBe(201)
  })
  afterEach(async () => h.close())

  const lookup = async (test: boolean): Promise<TicketBody> => {
    const body = { Title: 'Laptop broken', Queue: 'Service Desk', CustomerUser: 'c.miller', DynamicField: { Serial: 'SN-1' }, test }
    const created = await h.call<TicketBody>('POST', '/api/v1/tickets', { token: 'admin', body })
    expect(created.status).toBe(201)
    while ((await h.engine.worker.runOnce()) > 0) {
      // drain the warranty lookup job
    }
    return (await h.call<TicketBody>('GET', `/api/v1/tickets/${created.body.ticket.id}`, { token: 'admin' })).body
  }

  it("answers a test-mode ticket's service task from the invoker's stub; nothing leaves the engine", async () => {
    const t = await lookup(true)
    expect(t.ticket).toMatchObject({ test: true, Queue: 'Hardware', DynamicField: { Warranty: 'valid' } })
    expect(t.articles.map((a) => a.subject)).not.toContain('Warranty lookup failed')
    expect(outbound).toEqual([])
  })

  it('sends a real ticket to the ERP base URL', async () => {
    const t = await lookup(false)
    expect(t.ticket.DynamicField).toMatchObject({ Warranty: 'expired' })
    expect(outbound).toEqual([expect.stringMatching(/^https:\/\/erp\.example\.com\/api\/warranty/)])
  })
})
