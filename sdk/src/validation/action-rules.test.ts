import { describe, expect, test } from 'vitest'
import { validateDefinition } from './validate-definition.js'
import { testTarget } from './fixtures/test-target.js'
import { changed, summary } from './fixtures/test-definitions.js'

const withActions = (actions: unknown[]) =>
  changed((d) => {
    d.transitions[1]!.actions = actions
  })

describe('action rules', () => {
  test('each action names what the target has, with a suggestion', () => {
    const def = withActions([
      { type: 'setQueue', queue: 'Servce Desk' },
      { type: 'setState', state: 'closed sucessful' },
      { type: 'setPriority', priority: '3 nromal' },
      { type: 'setOwner', user: 'asmiht' },
      { type: 'setResponsible', user: 'nobody' },
      { type: 'setType', ticketType: 'incident' },
      { type: 'setService', service: 'Netwrok' },
      { type: 'setSLA', sla: 'Silver' },
      { type: 'setCustomer', customerUser: 'cust' },
      { type: 'sendEmail', to: ['{{customer.Email}}'], template: 'Resolvd' },
    ])
    const issues = validateDefinition(def, { target: testTarget })
    const at = (k: number, key: string) => `transitions.1.actions.${k}.${key}`
    expect(summary(issues)).toEqual([
      `UNKNOWN_QUEUE at ${at(0, 'queue')}`,
      `UNKNOWN_STATE at ${at(1, 'state')}`,
      `UNKNOWN_PRIORITY at ${at(2, 'priority')}`,
      `UNKNOWN_USER at ${at(3, 'user')}`,
      `UNKNOWN_USER at ${at(4, 'user')}`,
      `UNKNOWN_TYPE at ${at(5, 'ticketType')}`,
      `UNKNOWN_SERVICE at ${at(6, 'service')}`,
      `UNKNOWN_SLA at ${at(7, 'sla')}`,
      `UNKNOWN_CUSTOMER_USER at ${at(8, 'customerUser')}`,
      `UNKNOWN_TEMPLATE at ${at(9, 'template')}`,
    ])
    expect(issues[0]?.message).toBe('unknown queue "Servce Desk" — did you mean "Service Desk"?')
    expect(issues[3]?.message).toBe('unknown agent "asmiht" — did you mean "asmith"?')
    expect(issues[4]?.message).toBe('unknown agent "nobody"; known: "jdoe", "asmith"')
    expect(issues[7]?.message).toBe('unknown SLA "Silver"; known: "Gold"')
    expect(issues[9]?.message).toBe('unknown e-mail template "Resolvd" — did you mean "Resolved"?')
  })

  test('setDynamicField: the field exists, the value has its type and is allowed', () => {
    const def = withActions([
      { type: 'setDynamicField', field: 'Categry', value: 'hardware' },
      { type: 'setDynamicField', field: 'Count', value: '3' },
      { type: 'setDynamicField', field: 'Category', value: 'hard' },
      { type: 'setDynamicField', field: 'Tags', value: 'vip' },
      { type: 'setDynamicField', field: 'Warranty', value: null },
      { type: 'setDynamicField', field: 'Tags', value: ['vip', 'onsite'] },
    ])
    const issues = validateDefinition(def, { target: testTarget })
    expect(summary(issues)).toEqual([
      'UNKNOWN_DYNAMIC_FIELD at transitions.1.actions.0.field',
      'WRONG_VALUE_TYPE at transitions.1.actions.1.value',
      'UNKNOWN_FIELD_VALUE at transitions.1.actions.2.value',
      'WRONG_VALUE_TYPE at transitions.1.actions.3.value',
    ])
    expect(issues[0]?.message).toBe('unknown dynamic field "Categry" — did you mean "Category"?')
    expect(issues[3]?.message).toBe('DynamicField_Tags is a Multiselect field; use a list of strings, not the string "vip"')
  })

  test('increment and remove: the field exists; only Integer fields can be incremented', () => {
    const def = withActions([
      { type: 'incrementDynamicField', field: 'Count' },
      { type: 'incrementDynamicField', field: 'Warranty' },
      { type: 'removeDynamicField', field: 'Gone' },
    ])
    expect(summary(validateDefinition(def, { target: testTarget }))).toEqual([
      'WRONG_VALUE_TYPE at transitions.1.actions.1.field',
      'UNKNOWN_DYNAMIC_FIELD at transitions.1.actions.2.field',
    ])
  })

  test('createTicket: queue, state, priority, type, owner, customer and dynamic fields', () => {
    const def = withActions([
      {
        type: 'createTicket',
        title: 'Follow-up for {{ticket.TicketNumber}}',
        queue: 'Hardwar',
        state: 'nwe',
        priority: '9 panic',
        ticketType: 'Problme',
        owner: 'jdoe',
        customerUser: 'cust1',
        dynamicFields: { Count: 1.5, Category: 'software' },
      },
    ])
    expect(summary(validateDefinition(def, { target: testTarget }))).toEqual([
      'WRONG_VALUE_TYPE at transitions.1.actions.0.dynamicFields.Count',
      'UNKNOWN_PRIORITY at transitions.1.actions.0.priority',
      'UNKNOWN_QUEUE at transitions.1.actions.0.queue',
      'UNKNOWN_STATE at transitions.1.actions.0.state',
      'UNKNOWN_TYPE at transitions.1.actions.0.ticketType',
    ])
  })

  test('customer users are not checked when the target lists none (they may live in LDAP)', () => {
    const def = withActions([{ type: 'setCustomer', customerUser: 'someone' }])
    expect(validateDefinition(def, { target: { ...testTarget, customerUsers: [] } })).toEqual([])
  })
})
