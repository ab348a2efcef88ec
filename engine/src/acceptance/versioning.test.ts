import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ProcessInstance } from '@ablauf/sdk/runtime'
import { SOURCE, type DeployBody, type HistoryBody, type InstanceBody, type TasksBody, type TicketBody, type VersionsBody } from '../http/test-support/api-harness.js'
import { startAcceptanceEngine, type AcceptanceEngine } from './test-support/acceptance-engine.js'
import { seedFlow } from './test-support/seed-flow.js'

describe('versions: running tickets stay on the version they started on', () => {
  let a: AcceptanceEngine
  beforeEach(async () => {
    a = await startAcceptanceEngine()
  })
  afterEach(async () => a.close())

  const create = async (title: string) => {
    const res = await a.h.call<TicketBody>('POST', '/api/v1/tickets', { token: 'anna', body: { Title: title, Queue: 'Service Desk', CustomerUser: 'c.miller' } })
    expect(res.status).toBe(201)
    return { ticket: res.body.ticket, instance: res.body.instance }
  }
  const submit = async (ticketId: string): Promise<ProcessInstance> => {
    const tasks = await a.h.call<TasksBody>('GET', `/api/v1/tasks?ticket=${ticketId}`, { token: 'anna' })
    const res = await a.h.call<{ instance: ProcessInstance }>('POST', `/api/v1/tasks/${tasks.body.tasks[0]?.id ?? ''}/submit`, {
      token: 'anna',
      body: { dialog: 'confirm-classification', values: { DynamicField_Category: 'software' } },
    })
    expect(res.status).toBe(200)
    return res.body.instance
  }

  it('deploy v1, ticket A waits at a user task, deploy v2, ticket B runs v2, A finishes on v1', async () => {
    const v1 = await a.h.call<DeployBody>('POST', '/api/v1/deployments', { token: 'deploy', body: { definitions: [seedFlow(1)], source: { ...SOURCE, commit: 'v1' } } })
    expect(v1.status).toBe(201)
    const A = await create('Spreadsheet crashes')
    expect(A.instance).toMatchObject({ status: 'running', activity: 'confirm' })

    const v2 = await a.h.call<DeployBody>('POST', '/api/v1/deployments', {
      token: 'deploy',
      body: { definitions: [seedFlow(2)], source: { ...SOURCE, commit: 'v2' }, basedOn: v1.body.deployment?.id },
    })
    expect(v2.status).toBe(201)
    expect(v2.body.plan).toMatchObject([{ processId: 'incident-triage', op: 'update', version: 2, previousVersion: 1 }])
    const versions = await a.h.call<VersionsBody>('GET', '/api/v1/processes/incident-triage/versions', { token: 'read' })
    const [first, second] = versions.body.versions
    expect(versions.body.versions.map((v) => [v.version, v.sourceCommit])).toEqual([[1, 'v1'], [2, 'v2']])

    const B = await create('Word document lost')
    expect(B.instance?.version).toBe(second?.hash)
    expect(A.instance?.version).toBe(first?.hash)

    const bDone = await submit(B.ticket.id)
    const aDone = await submit(A.ticket.id)
    expect(aDone).toMatchObject({ status: 'completed', version: first?.hash })
    expect(bDone).toMatchObject({ status: 'completed', version: second?.hash })

    const ticketA = (await a.h.call<TicketBody>('GET', `/api/v1/tickets/${A.ticket.id}`, { token: 'anna' })).body.ticket
    const ticketB = (await a.h.call<TicketBody>('GET', `/api/v1/tickets/${B.ticket.id}`, { token: 'anna' })).body.ticket
    expect(ticketA).toMatchObject({ State: 'closed successful', Priority: '3 normal' })
    expect(ticketB).toMatchObject({ State: 'closed successful', Priority: '2 low' })

    const started = async (id: string) =>
      (await a.h.call<HistoryBody>('GET', `/api/v1/tickets/${id}/history`, { token: 'read' })).body.history.map((r) => r.entry).filter((e) => e.type === 'process.started')
    expect(await started(A.ticket.id)).toMatchObject([{ processId: 'incident-triage', version: first?.hash }])
    expect(await started(B.ticket.id)).toMatchObject([{ processId: 'incident-triage', version: second?.hash }])
    const instanceA = await a.h.call<InstanceBody>('GET', `/api/v1/instances/${aDone.id}`, { token: 'read' })
    expect(instanceA.body.instance.version).toBe(first?.hash)
    expect(instanceA.body.history.some((r) => r.entry.type === 'field.changed' && 'field' in r.entry && r.entry.field === 'Priority')).toBe(false)
  })
})
