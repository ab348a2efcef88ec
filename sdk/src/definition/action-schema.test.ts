import { describe, expect, test } from 'vitest'
import { actionSchema, ZNUNY_ACTION_MODULES } from './action-schema.js'

const problems = (input: unknown): string[] => {
  const r = actionSchema.safeParse(input)
  return r.success ? [] : r.error.issues.map((i) => `${i.code} at ${i.path.join('.')}: ${i.message}`)
}

describe('actionSchema', () => {
  test('an article gets Znuny\'s defaults: internal, not visible to the customer, from the system', () => {
    expect(actionSchema.parse({ type: 'addArticle', article: { subject: 's', body: 'b' } })).toEqual({
      type: 'addArticle',
      article: { subject: 's', body: 'b', channel: 'Internal', visibleForCustomer: false, senderType: 'system', contentType: 'text/plain' },
    })
  })

  test('sendEmail needs a template or both subject and body', () => {
    expect(problems({ type: 'sendEmail', to: ['a@example.com'], template: 'Resolved' })).toEqual([])
    expect(problems({ type: 'sendEmail', to: ['a@example.com'], subject: 'Hi', body: 'Hello' })).toEqual([])
    expect(problems({ type: 'sendEmail', to: ['a@example.com'], subject: 'Hi' })).toEqual(['custom at : sendEmail needs a template or both subject and body'])
    expect(problems({ type: 'sendEmail', to: [], template: 'Resolved' })).toHaveLength(1)
  })

  test('setCustomer needs a customer user or a customer id', () => {
    expect(problems({ type: 'setCustomer', customerId: 'ACME' })).toEqual([])
    expect(problems({ type: 'setCustomer' })).toEqual(['custom at : setCustomer needs customerUser, customerId or both'])
  })

  test('dynamic field actions take the bare field name', () => {
    expect(problems({ type: 'setDynamicField', field: 'Category', value: 'hardware' })).toEqual([])
    expect(problems({ type: 'setDynamicField', field: 'DynamicField_Category', value: 'x' })).toEqual([
      "invalid_format at field: a dynamic field name has letters and digits only (Znuny's rule)",
    ])
    expect(actionSchema.parse({ type: 'incrementDynamicField', field: 'Count' })).toEqual({ type: 'incrementDynamicField', field: 'Count', by: 1 })
  })

  test('a pending time is a positive number of seconds or an ISO time with offset', () => {
    expect(problems({ type: 'setState', state: 'pending reminder', pendingTimeDiff: 3600 })).toEqual([])
    expect(problems({ type: 'setState', state: 'pending reminder', pendingDateTime: '2025-01-31T12:00:00+01:00' })).toEqual([])
    expect(problems({ type: 'setState', state: 'pending reminder', pendingTimeDiff: -1 })).toHaveLength(1)
    expect(problems({ type: 'setState', state: 'pending reminder', pendingTimeDiff: 3600, pendingDateTime: '2025-01-31T12:00:00+01:00' })).toEqual([
      'custom at pendingDateTime: setState takes pendingTimeDiff or pendingDateTime, not both',
    ])
    expect(problems({ type: 'setState', state: 'pending reminder', pendingDateTime: 'tomorrow' })).toHaveLength(1)
  })

  test('createTicket links the new ticket as child by default; its dynamic field keys are checked', () => {
    expect(actionSchema.parse({ type: 'createTicket', title: 't', queue: 'Raw' })).toMatchObject({ link: 'ParentChild' })
    expect(problems({ type: 'createTicket', title: 't', queue: 'Raw', dynamicFields: { 'bad-key': 'x' } })).toEqual([
      'invalid_key at dynamicFields.bad-key: Invalid key in record',
    ])
  })

  test('every action type has its Znuny module name', () => {
    expect(ZNUNY_ACTION_MODULES.setQueue).toBe('TicketQueueSet')
    expect(ZNUNY_ACTION_MODULES.sendEmail).toBe('ArticleSend')
    expect(Object.keys(ZNUNY_ACTION_MODULES)).toHaveLength(18)
  })
})
