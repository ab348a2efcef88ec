import { contentHash, parseDefinition } from '@ablauf/sdk/definition'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { InstanceSummaryRow, ProcessRow } from '../store/store-port.js'
import { SOURCE, startHarness, triageDefinition, type ApiErrorWith, type ApiHarness, type DeployBody } from '../http/test-support/api-harness.js'
import { MAX_DEFINITIONS } from './deployment-request.js'

type ProcessesBody = { processes: (ProcessRow & { definition?: unknown })[] }
type PageBody = { instances: { id: string }[]; next: string | null }

describe('what a plan reads: processes with definitions, running-instance summary, paged instances', () => {
  let h: ApiHarness
  beforeEach(async () => {
    h = await startHarness({ bodyLimit: '64kb' })
  })
  afterEach(async () => h.close())

  const deploy = (definitions: unknown[], token: 'deploy' | 'read' = 'deploy') =>
    h.call<DeployBody & ApiErrorWith<{ index: number; id: string; issues: { path: (string | number)[] }[] }>>('POST', '/api/v1/deployments', {
      token,
      body: { definitions, source: SOURCE },
    })
  const ticket = () => h.call('POST', '/api/v1/tickets', { token: 'anna', body: { Title: 'Printer', Queue: 'Service Desk' } })

  it('lists every process with its active definition in one request, faded-away ones included', async () => {
    const v1 = triageDefinition()
    expect((await deploy([v1, triageDefinition('other-process')])).status).toBe(201)
    expect((await deploy([v1])).status).toBe(201)

    const plain = await h.call<ProcessesBody>('GET', '/api/v1/processes', { token: 'deploy' })
    expect(plain.body.processes[0]).not.toHaveProperty('definition')
    const full = await h.call<ProcessesBody>('GET', '/api/v1/processes?include=definition', { token: 'deploy' })
    expect(full.status).toBe(200)
    const parsed = parseDefinition(v1)
    if (!parsed.ok) throw new Error('fixture invalid')
    expect(full.body.processes).toEqual([
      expect.objectContaining({ id: 'incident-triage', state: 'active', activeVersion: 1, activeHash: contentHash(parsed.value), definition: parsed.value }),
      expect.objectContaining({ id: 'other-process', state: 'fade-away', activeVersion: 1, definition: expect.objectContaining({ id: 'other-process' }) }),
    ])
    const bad = await h.call<ApiErrorWith<unknown>>('GET', '/api/v1/processes?include=versions', { token: 'deploy' })
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toContain('query.include')
  })

  it('summarises running instances by process, version and activity for read and deploy tokens', async () => {
    expect((await deploy([triageDefinition()])).status).toBe(201)
    for (let i = 0; i < 3; i++) expect((await ticket()).status).toBe(201)
    expect((await deploy([triageDefinition('incident-triage', { name: 'Triage v2' })])).status).toBe(201)
    expect((await ticket()).status).toBe(201)

    const summary = await h.call<{ summary: InstanceSummaryRow[] }>('GET', '/api/v1/instances/summary?state=running', { token: 'deploy' })
    expect(summary.status).toBe(200)
    expect(summary.body.summary.map(({ versionNumber, activity, count }) => ({ versionNumber, activity, count }))).toEqual(
      expect.arrayContaining([
        { versionNumber: 1, activity: 'confirm', count: 3 },
        { versionNumber: 2, activity: 'confirm', count: 1 },
      ]),
    )
    expect(summary.body.summary.every((r) => r.processId === 'incident-triage' && /^[0-9a-f]{64}$/.test(r.version))).toBe(true)
    expect((await h.call('GET', '/api/v1/instances/summary?state=sleeping', { token: 'read' })).status).toBe(400)
    expect((await h.call('GET', '/api/v1/instances/summary', { token: 'anna' })).status).toBe(403)
  })

  it('pages instances with a next cursor until it is null', async () => {
    expect((await deploy([triageDefinition()])).status).toBe(201)
    for (let i = 0; i < 5; i++) expect((await ticket()).status).toBe(201)
    const all = await h.call<PageBody>('GET', '/api/v1/instances?limit=10', { token: 'read' })
    expect(all.body.instances).toHaveLength(5)
    expect(all.body.next).toBeNull()

    const seen: string[] = []
    let path = '/api/v1/instances?limit=2'
    for (let pages = 0; pages < 10; pages++) {
      const page = await h.call<PageBody>('GET', path, { token: 'read' })
      expect(page.status).toBe(200)
      seen.push(...page.body.instances.map((i) => i.id))
      if (page.body.next === null) break
      path = `/api/v1/instances?limit=2&after=${encodeURIComponent(page.body.next)}`
    }
    expect(seen).toEqual(all.body.instances.map((i) => i.id))
  })

  it('answers the newest deployments first, as many as asked', async () => {
    expect((await deploy([triageDefinition()])).status).toBe(201)
    const second = await deploy([triageDefinition('incident-triage', { name: 'Second' })])
    const latest = await h.call<{ deployments: { id: string }[] }>('GET', '/api/v1/deployments?limit=1', { token: 'deploy' })
    expect(latest.body.deployments.map((d) => d.id)).toEqual([second.body.deployment?.id])
    expect((await h.call('GET', '/api/v1/deployments?limit=0', { token: 'deploy' })).status).toBe(400)
  })

  it(`accepts up to ${MAX_DEFINITIONS} definitions in a body larger than server.bodyLimit, each within it`, async () => {
    // 300 definitions are far over the 64 KB limit of other routes; they deploy (dry run) in one request.
    const many = Array.from({ length: 300 }, (_, i) => triageDefinition(`bulk-${i}`))
    expect(JSON.stringify(many).length).toBeGreaterThan(64 * 1024)
    const dry = await h.call<DeployBody>('POST', '/api/v1/deployments', { token: 'deploy', body: { definitions: many, source: SOURCE, dryRun: true } })
    expect(dry.status).toBe(200)
    expect(dry.body.plan).toHaveLength(300)

    const tooMany = await deploy(Array.from({ length: MAX_DEFINITIONS + 1 }, () => ({})))
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.error.message).toContain(`at most ${MAX_DEFINITIONS} definitions`)

    const oneTooBig = await deploy([triageDefinition(), triageDefinition('big', { description: 'x'.repeat(70_000) })])
    expect(oneTooBig.status).toBe(413)
    expect(oneTooBig.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { index: 1, id: 'big' } })
    expect(oneTooBig.body.error.message).toContain('definitions[1] (big)')

    // A token without the deploy scope is refused before its large body is read.
    const read = await deploy(many, 'read')
    expect(read.status).toBe(403)
    expect((await h.call<ProcessesBody>('GET', '/api/v1/processes', { token: 'read' })).body.processes).toEqual([])
    // Other routes keep server.bodyLimit.
    const bigTicket = await h.call('POST', '/api/v1/tickets', { token: 'anna', body: { Title: 'x'.repeat(70_000), Queue: 'Service Desk' } })
    expect(bigTicket.status).toBe(413)
  })
})
