import { describe, expect, it } from 'vitest'
import type { TransitionAction } from '../definition/index.js'
import { createRuntimeEnv } from '../testing/runtime-env.js'
import { createTicketSnapshot } from '../testing/ticket-snapshot.js'
import { definition } from './fixtures/definitions.js'
import { start } from './start.js'

const now = new Date('2025-01-01T09:00:00Z')
const env = createRuntimeEnv({ customerUsers: [{ login: 'jane', customerId: 'ACME', firstName: 'Jane', email: 'jane@acme.example' }] })

/** Starts a process whose only transition runs `actions`, then checks `Queue` to pick the end. */
function runActions(actions: TransitionAction[]) {
  const def = definition({
    id: 'actions',
    name: 'Actions',
    start: { on: 'manual', activity: 'go' },
    activities: [
      { id: 'go', name: 'Go', kind: 'wait' },
      { id: 'check', name: 'Check', kind: 'wait' },
      { id: 'moved', name: 'Moved', kind: 'end' },
      { id: 'stayed', name: 'Stayed', kind: 'end' },
    ],
    transitions: [
      { id: 'act', from: 'go', to: 'check', actions },
      { id: 'was-moved', from: 'check', to: 'moved', condition: { op: 'eq', field: 'Queue', value: 'Hardware' } },
      { id: 'not-moved', from: 'check', to: 'stayed' },
    ],
  })
  const ticket = createTicketSnapshot({ Title: 'Laptop broken', CustomerUser: 'jane', DynamicField_Count: 2 })
  return start(def, ticket, { instanceId: 'i1', now }, env)
}

describe('transition actions', () => {
  it('field actions change the working ticket, so the next condition already sees them', () => {
    const r = runActions([
      { type: 'setQueue', queue: 'Hardware' },
      { type: 'setState', state: 'pending reminder', pendingTimeDiff: 3600 },
      { type: 'incrementDynamicField', field: 'Count', by: 1 },
      { type: 'setDynamicField', field: 'Note', value: 'was {{ticket.Queue}}' },
    ])
    expect(r.instance.activity).toBe('moved')
    expect(r.ticket).toMatchObject({ Queue: 'Hardware', State: 'pending reminder', PendingTime: '2025-01-01T10:00:00.000Z' })
    expect(r.ticket.DynamicField).toMatchObject({ Count: 3, Note: 'was Hardware' })
    expect(r.history.filter((h) => h.type === 'field.changed').map((h) => h.field)).toEqual(['Queue', 'State', 'PendingTime', 'DynamicField_Count', 'DynamicField_Note'])
  })

  it('e-mails, articles, tickets and links become effects with rendered text and deterministic keys', () => {
    const actions: TransitionAction[] = [
      { type: 'sendEmail', to: ['{{customer.Email}}'], cc: ['{{owner.Email}}'], subject: 'Re: {{ticket.Title}}', body: 'Hello {{customer.FirstName}}' },
      { type: 'addArticle', article: { subject: 'Note on {{ticket.Title}}', body: '-', channel: 'Internal', visibleForCustomer: false, senderType: 'system', contentType: 'text/plain' } },
      { type: 'createTicket', title: 'Replace {{ticket.Title}}', queue: 'Hardware', link: 'ParentChild' },
      { type: 'addLink', ticketNumber: '{{ticket.TicketNumber}}', linkType: 'Normal', direction: 'source' },
    ]
    const r = runActions(actions)
    expect(r.effects).toEqual([
      { type: 'email.send', key: 'i1:act:1:1.0', to: ['jane@acme.example'], cc: [], bcc: [], template: null, subject: 'Re: Laptop broken', body: 'Hello Jane' },
      { type: 'article.create', article: expect.objectContaining({ subject: 'Note on Laptop broken' }) },
      { type: 'ticket.create', key: 'i1:act:1:1.2', action: expect.objectContaining({ title: 'Replace Laptop broken', queue: 'Hardware' }) },
      { type: 'link.add', ticketNumber: '2025010110000001', linkType: 'Normal', direction: 'source' },
      { type: 'instance.ended', status: 'completed', parent: null },
    ])
    expect(runActions(actions).effects).toEqual(r.effects)
    expect(r.history.filter((h) => h.type === 'action.run').map((h) => h.action)).toEqual(['sendEmail', 'addArticle', 'createTicket', 'addLink'])
  })
})
