import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ProcessRow } from '../store/store-port.js'
import { SOURCE, startHarness, triageDefinition, type ApiError, type ApiErrorWith, type ApiHarness, type DeployBody, type IssueDetails, type VersionsBody } from './test-support/api-harness.js'

describe('deployments API', () => {
  let h: ApiHarness
  beforeEach(async () => {
    h = await startHarness()
  })
  afterEach(async () => h.close())

  const deploy = (definitions: unknown[], extra: Record<string, unknown> = {}) =>
    h.call<DeployBody & ApiErrorWith<IssueDetails & { basedOn: string }>>('POST', '/api/v1/deployments', { token: 'deploy', body: { definitions, source: SOURCE, ...extra } })

  it('creates, keeps unchanged, updates, rolls back and fades away', async () => {
    const v1 = triageDefinition()
    const first = await deploy([v1, triageDefinition('other-process')])
    expect(first.status).toBe(201)
    expect(first.body.plan.map((s) => s.op)).toEqual(['create', 'create'])
    const d1 = first.body.deployment?.id

    const same = await deploy([v1, triageDefinition('other-process')])
    expect(same.status).toBe(200)
    expect(same.body).toMatchObject({ changed: false, deployment: { id: d1 } })
    expect(same.body.plan.map((s) => s.op)).toEqual(['unchanged', 'unchanged'])

    const v2 = triageDefinition('incident-triage', { name: 'Triage, second edition' })
    const second = await deploy([v2, triageDefinition('other-process')], { basedOn: d1 })
    expect(second.status).toBe(201)
    expect(second.body.plan[0]).toMatchObject({ processId: 'incident-triage', op: 'update', version: 2, previousVersion: 1 })

    const back = await deploy([v1, triageDefinition('other-process')])
    expect(back.body.plan[0]).toMatchObject({ op: 'rollback', version: 1, previousVersion: 2 })
    const versions = await h.call<VersionsBody>('GET', '/api/v1/processes/incident-triage/versions', { token: 'read' })
    expect(versions.body.versions.map((v) => v.version)).toEqual([1, 2])

    const fade = await deploy([v1])
    expect(fade.body.plan).toContainEqual(expect.objectContaining({ processId: 'other-process', op: 'fade-away' }))
    const processes = await h.call<{ processes: ProcessRow[] }>('GET', '/api/v1/processes', { token: 'read' })
    expect(processes.body.processes).toMatchObject([
      { id: 'incident-triage', state: 'active', activeVersion: 1 },
      { id: 'other-process', state: 'fade-away', activeVersion: 1 },
    ])

    const one = await h.call<VersionsBody>('GET', `/api/v1/processes/incident-triage/versions/2`, { token: 'read' })
    expect(one.body.version).toMatchObject({ version: 2, sourceCommit: 'c0ffee', definition: { name: 'Triage, second edition' } })
    const byHash = await h.call<VersionsBody>('GET', `/api/v1/processes/incident-triage/versions/${one.body.version.hash}`, { token: 'read' })
    expect(byHash.body.version.version).toBe(2)
    const list = await h.call<{ deployments: unknown[] }>('GET', '/api/v1/deployments', { token: 'read' })
    expect(list.body.deployments).toHaveLength(4)
    const single = await h.call<{ deployment: unknown }>('GET', `/api/v1/deployments/${d1}`, { token: 'read' })
    expect(single.body.deployment).toMatchObject({ id: d1, source: SOURCE, actor: 'deploy' })
    expect((await h.call<ApiError>('GET', '/api/v1/deployments/nope', { token: 'read' })).body.error.code).toBe('NOT_FOUND')
    expect((await h.call('GET', '/api/v1/processes/nope/versions/1', { token: 'read' })).status).toBe(404)
  })

  it('answers 409 VERSION_CONFLICT when basedOn is not the latest deployment, changing nothing', async () => {
    const first = await deploy([triageDefinition()])
    await deploy([triageDefinition('incident-triage', { name: 'Changed' })])
    const before = await h.dbHash()
    const stale = await deploy([triageDefinition('incident-triage', { name: 'Stale' })], { basedOn: first.body.deployment?.id })
    expect(stale.status).toBe(409)
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', details: { basedOn: first.body.deployment?.id } })
    expect(await h.dbHash()).toBe(before)
    expect((await deploy([triageDefinition()], { basedOn: null })).status).toBe(409)
  })

  it('dryRun returns the plan and changes nothing', async () => {
    const before = await h.dbHash()
    const dry = await deploy([triageDefinition()], { dryRun: true })
    expect(dry.status).toBe(200)
    expect(dry.body).toMatchObject({ dryRun: true, changed: true, deployment: null, plan: [{ op: 'create', processId: 'incident-triage' }] })
    expect(await h.dbHash()).toBe(before)
    expect((await h.call('GET', '/api/v1/processes', { token: 'read' })).body.processes).toEqual([])
  })

  it('is all-or-nothing: one invalid definition deploys none', async () => {
    await deploy([triageDefinition('kept')])
    const before = await h.dbHash()
    const bad = triageDefinition('broken', {
      transitions: [{ id: 'close', from: 'confirm', to: 'done', actions: [{ type: 'setQueue', queue: 'Servce Desk' }] }],
    })
    const res = await deploy([triageDefinition('fine'), bad])
    expect(res.status).toBe(422)
    expect(res.body.error.code).toBe('DEFINITION_INVALID')
    expect(res.body.error.details.definitions).toMatchObject([{ index: 1, id: 'broken', issues: [expect.objectContaining({ code: 'UNKNOWN_QUEUE' })] }])
    expect(res.body.error.details.definitions[0]?.issues[0]?.message).toContain('did you mean "Service Desk"')
    expect(await h.dbHash()).toBe(before)
  })
})
