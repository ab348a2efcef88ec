import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { processDefinitionSchema, type ProcessDefinition } from '@ablauf/sdk/definition'
import { startRuntimeHarness, type RuntimeHarness } from './test-support/runtime-harness.js'

let h: RuntimeHarness
beforeEach(async () => {
  h = await startRuntimeHarness()
})
afterEach(async () => {
  await h.close()
})

const child = processDefinitionSchema.parse({
  apiVersion: 'ablauf/v1',
  id: 'collect-details',
  name: 'Collect details',
  start: { on: 'manual', activity: 'ask' },
  activities: [
    { id: 'ask', name: 'Ask', kind: 'user', dialogs: [{ id: 'details', title: 'Details', interface: ['agent'], fields: [{ field: 'DynamicField_Serial', display: 'required' }] }] },
    { id: 'end', name: 'End', kind: 'end' },
  ],
  transitions: [{ id: 'answered', from: 'ask', to: 'end' }],
})

function parent(ticket: 'same' | 'new'): ProcessDefinition {
  return processDefinitionSchema.parse({
    apiVersion: 'ablauf/v1',
    id: 'onboarding',
    name: 'Onboarding',
    start: { on: 'ticket.created', when: { op: 'eq', field: 'Queue', value: 'Service Desk' }, activity: 'details' },
    activities: [
      { id: 'details', name: 'Details', kind: 'subprocess', process: 'collect-details', ticket, ...(ticket === 'new' ? { newTicket: { title: 'Details for {{ticket.Title}}', queue: 'Hardware' } } : {}) },
      { id: 'finish', name: 'Finish', kind: 'end' },
    ],
    transitions: [{ id: 'collected', from: 'details', to: 'finish', actions: [{ type: 'setTitle', title: 'Onboarded' }] }],
  })
}

describe('sub-processes', () => {
  it('starts the child on the same ticket and continues the parent when the child ends', async () => {
    await h.deploy(child)
    await h.deploy(parent('same'))
    const ticket = await h.openTicket({ Title: 'New hire' })
    const all = await h.store.transaction((tx) => tx.instances.list({ ticketId: ticket.id }))
    const p = all.find((i) => i.processId === 'onboarding')!
    const c = all.find((i) => i.processId === 'collect-details')!
    expect(p).toMatchObject({ status: 'running', waiting: { for: 'subprocess' } })
    expect(c).toMatchObject({ status: 'running', activity: 'ask', parent: { instanceId: p.id, activity: 'details' } })

    const [task] = await h.store.transaction((tx) => tx.userTasks.listOpen({ ticketId: ticket.id }))
    await h.runtime.submitDialog(task!.id, { dialog: 'details', values: { DynamicField_Serial: 'SN-1' } }, { kind: 'agent', login: 'agent1' })
    const after = await h.store.transaction((tx) => tx.instances.list({ ticketId: ticket.id }))
    expect(after.map((i) => [i.processId, i.status]).sort()).toEqual([['collect-details', 'completed'], ['onboarding', 'completed']])
    expect((await h.store.transaction((tx) => tx.tickets.get(ticket.id)))?.Title).toBe('Onboarded')
    const rows = await h.store.transaction((tx) => tx.history.listForInstance(p.id))
    expect(rows.map((r) => r.entry.type)).toEqual(expect.arrayContaining(['subprocess.started', 'subprocess.completed', 'process.completed']))
  })

  it('starts the child on a new linked ticket', async () => {
    await h.deploy(child)
    await h.deploy(parent('new'))
    const ticket = await h.openTicket({ Title: 'New hire' })
    const [link] = await h.store.transaction((tx) => tx.tickets.listLinks(ticket.id))
    expect(link).toMatchObject({ sourceTicketId: ticket.id, type: 'ParentChild' })
    const childTicket = await h.store.transaction((tx) => tx.tickets.get(link!.targetTicketId))
    expect(childTicket).toMatchObject({ Title: 'Details for New hire', Queue: 'Hardware', CustomerUser: 'jane' })
    const [task] = await h.store.transaction((tx) => tx.userTasks.listOpen({ ticketId: childTicket!.id }))
    await h.runtime.submitDialog(task!.id, { dialog: 'details', values: { DynamicField_Serial: 'SN-2' } }, { kind: 'agent', login: 'agent1' })
    const [p] = await h.store.transaction((tx) => tx.instances.list({ ticketId: ticket.id }))
    expect(p).toMatchObject({ processId: 'onboarding', status: 'completed' })
  })
})
