import { describe, expect, it } from 'vitest'
import { around, definition, incidentTriage } from '../runtime/fixtures/definitions.js'
import { simulate } from './simulate.js'
import type { Scenario } from './scenario-types.js'

const triage: Scenario = {
  ticket: { Title: 'Laptop broken', Queue: 'Service Desk', CustomerUser: 'jane', DynamicField_Serial: 'SN-1' },
  target: { customerUsers: [{ login: 'jane', customerId: 'ACME', firstName: 'Jane', email: 'jane@acme.example' }] },
  scripts: { 'classify-by-keywords': { DynamicField_Category: 'hardware' } },
  services: { 'ERP/WarrantyLookup': { status: 200, body: { status: 'valid' } } },
}

describe('simulate', () => {
  it('runs scripts and services until a person is needed, then follows the story', () => {
    const started = simulate(incidentTriage, triage)
    expect(started.activity).toBe('confirm')
    expect(started.openTasks).toEqual([
      { instanceId: 'sim-1', processId: 'incident-triage', activity: 'confirm', dialogs: [{ id: 'confirm-classification', title: 'Confirm classification', fields: ['DynamicField_Category', 'Article', 'Priority'] }] },
    ])

    const run = started.submit('confirm', { DynamicField_Category: 'hardware' })
    expect(run.path).toEqual(['classify', 'check-warranty', 'confirm', 'done'])
    expect(run.transitions).toEqual(['classify-hardware', 'warranty-checked', 'confirmed'])
    expect(run.status).toBe('completed')
    expect(run.ticket).toMatchObject({ Queue: 'Hardware', State: 'closed successful', DynamicField: { Warranty: 'valid', Category: 'hardware' } })
    expect(run.emails).toEqual([expect.objectContaining({ to: ['jane@acme.example'], subject: 'Done', body: 'Hello Jane, "Laptop broken" is closed successful.' })])
    expect(run.actions.map((a) => a.action)).toEqual(['setQueue', 'setState', 'sendEmail'])
    expect(run.openTasks).toEqual([])
    expect(started.status).toBe('running')
  })

  it('renders a template e-mail from the target, as the engine would send it', () => {
    const templated = definition({
      id: 'templated',
      name: 'Templated',
      start: { on: 'ticket.created', activity: 'ask' },
      activities: [
        { id: 'ask', name: 'Ask', kind: 'user', dialogs: [{ id: 'ask', title: 'Ask', interface: ['agent'], fields: [], requiredLock: false }] },
        { id: 'done', name: 'Done', kind: 'end' },
      ],
      transitions: [{ id: 'tell', from: 'ask', to: 'done', actions: [{ type: 'sendEmail', to: ['{{customer.Email}}'], template: 'resolved' }] }],
    })
    const run = simulate(templated, {
      ...triage,
      target: { ...triage.target, emailTemplates: [{ name: 'resolved', subject: 'Resolved: {{ticket.Title}}', body: 'Dear {{customer.FirstName}}' }] },
    }).submit('ask', {})
    expect(run.emails).toEqual([expect.objectContaining({ template: 'resolved', subject: 'Resolved: Laptop broken', body: 'Dear Jane' })])
  })

  it('fails a stub that writes what the target\'s fields do not take, as the engine would', () => {
    const dynamicFields = [
      { name: 'Category', type: 'Dropdown' as const, values: ['hardware', 'network'] },
      { name: 'Warranty', type: 'Dropdown' as const, values: ['valid', 'expired'] },
      { name: 'Serial', type: 'Text' as const },
    ]
    const target = { ...triage.target, dynamicFields }
    const answered = simulate(incidentTriage, { ...triage, target, services: { 'ERP/WarrantyLookup': { status: 200, body: { status: 'broken' } } } })
    expect(answered.transitions).toEqual(['classify-hardware', 'warranty-failed'])
    expect(answered.ticket.DynamicField['Warranty']).toBeUndefined()
    const classified = simulate(incidentTriage, { ...triage, target, scripts: { 'classify-by-keywords': { DynamicField_Category: 'hardwar' } } })
    expect(classified.status).toBe('incident')
    expect(classified.incidents.at(-1)?.message).toBe('script "classify-by-keywords" returned values the ticket cannot take: unknown value of DynamicField_Category "hardwar" — did you mean "hardware"?')
  })

  it('lets scripts compute from the ticket and takes the other branch', () => {
    const run = simulate(incidentTriage, {
      ...triage,
      scripts: { 'classify-by-keywords': ({ ticket }) => ({ DynamicField_Category: ticket.Title.includes('VPN') ? 'network' : 'hardware' }) },
      ticket: { Title: 'VPN down', Queue: 'Service Desk' },
    })
    expect(run.path).toEqual(['classify', 'confirm'])
  })

  it('a timeout is retried as declared and then follows the error path', () => {
    const calls: number[] = []
    const run = simulate(incidentTriage, {
      ...triage,
      services: { 'ERP/WarrantyLookup': ({ attempt }) => (calls.push(attempt), { error: 'TIMEOUT' }) },
    })
    expect(calls).toEqual([1, 2, 3])
    expect(run.transitions).toEqual(['classify-hardware', 'warranty-failed'])
    expect(run.articles).toEqual([expect.objectContaining({ subject: 'Warranty lookup failed', body: 'Check SN-1 by hand' })])
  })

  it('reports an incident without an error path, and a retry can resolve it', () => {
    const def = around({ id: 'call', name: 'Call', kind: 'service', webService: 'ERP', invoker: 'Lookup' })
    const failed = simulate(def, { services: { 'ERP/Lookup': [{ status: 500, body: 'oops' }, { status: 200 }] } })
    expect(failed.status).toBe('incident')
    expect(failed.incidents).toEqual([expect.objectContaining({ code: 'SERVICE_FAILED', activity: 'call', processId: 'only-service' })])
    const retried = failed.retry()
    expect(retried.status).toBe('completed')
    expect(retried.path).toEqual(['call', 'call', 'end'])
  })

  it('explains a submit on the wrong activity', () => {
    const run = simulate(incidentTriage, { ...triage, services: { 'ERP/WarrantyLookup': { error: 'NETWORK' } } })
    expect(() => run.submit('check-warranty', {})).toThrow(/cannot submit "check-warranty": the process is at "confirm".*path so far: classify → check-warranty → confirm/)
    expect(() => run.submit('confirm', {})).toThrow(expect.objectContaining({ code: 'REQUIRED_FIELD_MISSING', details: expect.objectContaining({ fields: ['DynamicField_Category'] }) }))
  })

  it('names a missing stub', () => {
    expect(() => simulate(incidentTriage, { ticket: { Queue: 'Service Desk' } })).toThrow(/no stub for it; add scripts: \{ 'classify-by-keywords'/)
  })

  it('re-evaluates waiting activities when the ticket is updated, and accepts steps as data', () => {
    const def = definition({
      id: 'parts',
      name: 'Parts',
      start: { on: 'manual', activity: 'wait-for-parts' },
      activities: [
        { id: 'wait-for-parts', name: 'Wait for parts', kind: 'wait' },
        { id: 'done', name: 'Done', kind: 'end' },
      ],
      transitions: [{ id: 'arrived', from: 'wait-for-parts', to: 'done', condition: { op: 'eq', field: 'DynamicField_PartsArrived', value: true } }],
    })
    const waiting = simulate(def)
    expect(waiting.waiting).toEqual({ for: 'condition' })
    expect(waiting.update({ Priority: '1 very high' }).status).toBe('running')
    expect(waiting.update({ DynamicField_PartsArrived: true }).path).toEqual(['wait-for-parts', 'done'])
    expect(simulate(def, { steps: [{ update: { fields: { DynamicField_PartsArrived: true } } }] }).status).toBe('completed')
  })

  it('runs sub-processes in memory and resumes the parent when they end', () => {
    const parent = around({ id: 'approval', name: 'Approval', kind: 'subprocess', process: 'manager-approval' })
    const child = definition({
      id: 'manager-approval',
      name: 'Manager approval',
      start: { on: 'manual', activity: 'approve' },
      activities: [
        { id: 'approve', name: 'Approve', kind: 'user', dialogs: [{ id: 'decide', title: 'Decide', interface: ['agent'], fields: [{ field: 'DynamicField_Approved', display: 'required' }] }] },
        { id: 'approved', name: 'Approved', kind: 'end' },
      ],
      transitions: [{ id: 'decided', from: 'approve', to: 'approved' }],
    })
    const started = simulate(parent, { subprocesses: [child] })
    expect(started.waiting).toMatchObject({ for: 'subprocess' })
    expect(started.openTasks.map((t) => `${t.processId}/${t.activity}`)).toEqual(['manager-approval/approve'])

    const run = started.submit('approve', { DynamicField_Approved: true }, { as: 'manager' })
    expect(run.status).toBe('completed')
    expect(run.path).toEqual(['approval', 'end'])
    expect(run.children.map((c) => [c.definition.id, c.instance.status, c.path])).toEqual([['manager-approval', 'completed', ['approve', 'approved']]])
    expect(run.ticket.DynamicField.Approved).toBe(true)
  })

  it('can be canceled', () => {
    const run = simulate(incidentTriage, triage).cancel('duplicate')
    expect(run.status).toBe('canceled')
    expect(run.openTasks).toEqual([])
    expect(run.history.at(-1)).toMatchObject({ type: 'process.canceled', reason: 'duplicate' })
  })
})
