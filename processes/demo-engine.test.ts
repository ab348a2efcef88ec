import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoEngine, type DemoEngine } from './test-support/demo-engine.js'
import { loadProcesses } from './test-support/demo-target.js'

const SOURCE = { commit: 'processes-test', ref: 'refs/heads/main', author: 'processes test' }
const goldenHashes = JSON.parse(readFileSync(new URL('./__golden__/hashes.json', import.meta.url), 'utf8')) as Record<string, string>

// What `npm start` does with this repository: deploy it to the demo engine and let tickets run it.
describe('the processes on the demo engine', () => {
  let demo: DemoEngine
  let deployment: { status: number; body: any }
  const erpCalls: Array<{ url: string; authorization: string | null; body: unknown }> = []
  beforeAll(async () => {
    demo = await startDemoEngine({
      env: { ERP_TOKEN: 'erp-secret' },
      fetch: async (input, init) => {
        erpCalls.push({ url: String(input), authorization: new Headers(init?.headers).get('authorization'), body: JSON.parse(String(init?.body)) })
        return new Response(JSON.stringify({ status: 'expired' }), { status: 200, headers: { 'content-type': 'application/json' } })
      },
    })
    const definitions = (await loadProcesses()).map((p) => p.definition)
    deployment = await demo.call('POST', '/api/v1/deployments', { definitions, source: SOURCE })
  })
  afterAll(async () => demo.close())

  it('deploys every process in one deployment, with the golden content hashes', () => {
    expect(deployment.status).toBe(201)
    expect(deployment.body.plan.map((s: { processId: string; op: string; hash: string }) => [s.processId, s.op, s.hash])).toEqual(
      Object.entries(goldenHashes).map(([id, hash]) => [id, 'create', hash]),
    )
  })

  it('runs a new Service Desk ticket through the real classify script and the ERP call to the agent', async () => {
    const created = await demo.call('POST', '/api/v1/tickets', {
      Title: 'Laptop does not boot',
      Queue: 'Service Desk',
      CustomerUser: 'c.miller',
      DynamicField: { Serial: 'SN-4711' },
    })
    expect(created.status).toBe(201)
    expect(created.body.instance).toMatchObject({ processId: 'incident-triage', activity: 'check-warranty' })
    expect(created.body.ticket).toMatchObject({ Queue: 'Hardware', DynamicField: { Category: 'hardware', Serial: 'SN-4711' } })

    await demo.engine.worker.runOnce()
    expect(erpCalls).toEqual([{ url: 'https://erp.example.com/api/warranty', authorization: 'Bearer erp-secret', body: { serial: 'SN-4711' } }])
    const ticket = await demo.call('GET', `/api/v1/tickets/${created.body.ticket.id}`)
    expect(ticket.body.ticket.DynamicField).toMatchObject({ Category: 'hardware', Warranty: 'expired' })
    expect(ticket.body.instances).toEqual([expect.objectContaining({ processId: 'incident-triage', activity: 'confirm', status: 'running' })])
  })
})
