import { describe, expect, it } from 'vitest'
import { createTicketSnapshot } from '../testing/ticket-snapshot.js'
import { definition, incidentTriage } from './fixtures/definitions.js'
import type { ProcessEvent, StepResult } from './runtime-types.js'
import { start } from './start.js'
import { step } from './step.js'

const now = new Date('2025-01-01T09:00:00Z')
const agent = { kind: 'agent' as const, login: 'jdoe' }

function atConfirm(): StepResult {
  const s = start(incidentTriage, createTicketSnapshot({ Queue: 'Service Desk' }), { instanceId: 'i1', now })
  return step(incidentTriage, s.instance, { type: 'script.completed', key: 'i1:classify:1', updates: { DynamicField_Category: 'software' }, ticket: s.ticket }, now)
}
const submit = (r: StepResult, e: Partial<Extract<ProcessEvent, { type: 'dialog.submitted' }>>): StepResult =>
  step(incidentTriage, r.instance, { type: 'dialog.submitted', activity: 'confirm', dialog: 'confirm-classification', values: {}, actor: agent, ...e, ticket: r.ticket }, now)

describe('dialog.submitted', () => {
  it('applies the values (hidden fields from their default), closes the task and moves on', () => {
    const r = submit(atConfirm(), { values: { DynamicField_Category: 'hardware' }, article: { subject: 'Checked', body: 'All fine' } })
    expect(r.ticket.DynamicField.Category).toBe('hardware')
    expect(r.ticket.Priority).toBe('2 low')
    expect(r.effects.map((e) => e.type)).toEqual(['ticket.update', 'article.create', 'task.close', 'ticket.update', 'email.send', 'instance.ended'])
    expect(r.effects[1]).toMatchObject({ type: 'article.create', article: { subject: 'Checked', senderType: 'agent' } })
    expect(r.history).toContainEqual({ type: 'field.changed', at: now.toISOString(), field: 'DynamicField_Category', from: 'software', to: 'hardware' })
    expect(r.instance.status).toBe('completed')
  })

  it('rejects missing required fields with the list of them, changing nothing', () => {
    const before = atConfirm()
    let error: unknown
    try {
      submit(before, { values: { DynamicField_Category: '' } })
    } catch (err) {
      error = err
    }
    expect(error).toMatchObject({ code: 'REQUIRED_FIELD_MISSING', details: { fields: ['DynamicField_Category'] } })
    expect(before.instance.activity).toBe('confirm')
  })

  it('rejects a dialog of another activity with WRONG_ACTIVITY', () => {
    expect(() => submit(atConfirm(), { activity: 'classify' })).toThrow(expect.objectContaining({ code: 'WRONG_ACTIVITY' }))
    const s = start(incidentTriage, createTicketSnapshot({ Queue: 'Service Desk' }), { instanceId: 'i1', now })
    expect(() => submit(s, { values: { DynamicField_Category: 'x' } })).toThrow(expect.objectContaining({ code: 'WRONG_ACTIVITY' }))
  })

  it('rejects values of fields the dialog does not show, and unknown dialogs', () => {
    expect(() => submit(atConfirm(), { values: { DynamicField_Category: 'x', Queue: 'Junk' } })).toThrow(expect.objectContaining({ code: 'BAD_REQUEST', details: { fields: ['Queue'] } }))
    expect(() => submit(atConfirm(), { dialog: 'nope', values: { DynamicField_Category: 'x' } })).toThrow(expect.objectContaining({ code: 'BAD_REQUEST' }))
  })

  it('keeps the task open but the values when no transition holds yet', () => {
    const def = definition({
      id: 'approval',
      name: 'Approval',
      start: { on: 'manual', activity: 'approve' },
      activities: [
        { id: 'approve', name: 'Approve', kind: 'user', dialogs: [{ id: 'decide', title: 'Decide', interface: ['agent'], fields: [{ field: 'DynamicField_Decision', display: 'optional' }] }] },
        { id: 'end', name: 'End', kind: 'end' },
      ],
      transitions: [{ id: 'decided', from: 'approve', to: 'end', condition: { op: 'notEmpty', field: 'DynamicField_Decision' } }],
    })
    const s = start(def, createTicketSnapshot(), { instanceId: 'i1', now })
    const event = { type: 'dialog.submitted' as const, activity: 'approve', dialog: 'decide', actor: agent }
    const undecided = step(def, s.instance, { ...event, values: { DynamicField_Decision: '' }, ticket: s.ticket }, now)
    expect(undecided.instance.waiting).toEqual({ for: 'dialog' })
    expect(undecided.effects.map((e) => e.type)).not.toContain('task.close')
    expect(undecided.history).toContainEqual(expect.objectContaining({ type: 'transition.skipped', transition: 'decided' }))

    const decided = step(def, undecided.instance, { ...event, values: { DynamicField_Decision: 'yes' }, ticket: undecided.ticket }, now)
    expect(decided.instance.status).toBe('completed')
  })
})
