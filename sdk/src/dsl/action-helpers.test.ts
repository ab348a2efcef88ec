import { describe, expect, it } from 'vitest'
import { actionSchema } from '../definition/action-schema.js'
import { incrementDynamicField, removeDynamicField, setDynamicField } from './dynamic-field-actions.js'
import { addArticle, sendEmail } from './message-actions.js'
import { addLink, createTicket } from './ticket-link-actions.js'
import {
  setCustomer,
  setLock,
  setOwner,
  setPriority,
  setQueue,
  setResponsible,
  setService,
  setSLA,
  setState,
  setTitle,
  setType,
} from './ticket-actions.js'

describe('action helpers', () => {
  it('return plain canonical actions, with defaults filled and a name where given', () => {
    const actions = [
      setQueue('Hardware', { name: 'Route' }),
      setState('pending reminder', { pendingTimeDiff: 3600, name: 'Remind' }),
      setState('pending auto', { pendingDateTime: new Date('2026-01-02T03:04:05.000Z') }),
      setPriority('5 very high'),
      setOwner('alice'),
      setResponsible('bob'),
      setTitle('[HW] {{ticket.Title}}'),
      setType('Incident'),
      setService('Email'),
      setSLA('Gold'),
      setLock('lock'),
      setCustomer({ customerId: 'ACME', name: 'Customer' }),
      setDynamicField('Category', 'hardware', { name: 'Classify' }),
      setDynamicField('Due', new Date('2026-05-06T00:00:00.000Z')),
      setDynamicField('Tags', ['vip']),
      incrementDynamicField('Escalations'),
      incrementDynamicField('Escalations', 2, { name: 'Bump' }),
      removeDynamicField('Warranty'),
      addArticle({ subject: 'S', body: 'B', visibleForCustomer: true, name: 'Note' }),
      sendEmail({ to: ['a@example.com', '{{customer.Email}}'], cc: 'c@example.com', template: 'ticket-closed' }),
      createTicket({ title: 'Child', queue: 'Hardware', dynamicFields: { Category: 'hardware' }, name: 'Spawn' }),
      addLink({ ticketNumber: '{{ticket.DynamicField.Parent}}', direction: 'target' }),
    ]
    expect(actions).toEqual([
      { type: 'setQueue', queue: 'Hardware', name: 'Route' },
      { type: 'setState', state: 'pending reminder', pendingTimeDiff: 3600, name: 'Remind' },
      { type: 'setState', state: 'pending auto', pendingDateTime: '2026-01-02T03:04:05.000Z' },
      { type: 'setPriority', priority: '5 very high' },
      { type: 'setOwner', user: 'alice' },
      { type: 'setResponsible', user: 'bob' },
      { type: 'setTitle', title: '[HW] {{ticket.Title}}' },
      { type: 'setType', ticketType: 'Incident' },
      { type: 'setService', service: 'Email' },
      { type: 'setSLA', sla: 'Gold' },
      { type: 'setLock', lock: 'lock' },
      { type: 'setCustomer', customerId: 'ACME', name: 'Customer' },
      { type: 'setDynamicField', field: 'Category', value: 'hardware', name: 'Classify' },
      { type: 'setDynamicField', field: 'Due', value: '2026-05-06T00:00:00.000Z' },
      { type: 'setDynamicField', field: 'Tags', value: ['vip'] },
      { type: 'incrementDynamicField', field: 'Escalations', by: 1 },
      { type: 'incrementDynamicField', field: 'Escalations', by: 2, name: 'Bump' },
      { type: 'removeDynamicField', field: 'Warranty' },
      {
        type: 'addArticle',
        name: 'Note',
        article: { subject: 'S', body: 'B', channel: 'Internal', visibleForCustomer: true, senderType: 'system', contentType: 'text/plain' },
      },
      { type: 'sendEmail', to: ['a@example.com', '{{customer.Email}}'], cc: ['c@example.com'], template: 'ticket-closed' },
      { type: 'createTicket', title: 'Child', queue: 'Hardware', dynamicFields: { Category: 'hardware' }, link: 'ParentChild', name: 'Spawn' },
      { type: 'addLink', ticketNumber: '{{ticket.DynamicField.Parent}}', linkType: 'Normal', direction: 'target' },
    ])
    for (const a of actions) expect(actionSchema.parse(a)).toEqual(a)
    for (const a of actions) expect(Object.values(a)).not.toContain(undefined)
  })
})
