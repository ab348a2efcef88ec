import { describe, expectTypeOf, it } from 'vitest'
import type { Condition } from '../definition/condition-schema.js'
import type { ProcessDefinition } from '../definition/definition-schema.js'
import {
  addArticle,
  createTicket,
  defineProcess,
  field,
  sendEmail,
  setCustomer,
  setDynamicField,
  setOwner,
  setQueue,
  setState,
  type ProcessBuilder,
  type QueueName,
  type RegisteredTarget,
  type AnyTarget,
} from '../index.js'

// No target is registered in this program: every name is a plain string.

const start = defineProcess('p', { name: 'P', start: { on: 'ticket.created' } })

describe('activity ids (no target registered)', () => {
  it('accumulate in the builder type', () => {
    const b = start.wait('a').end('b')
    expectTypeOf(b).toEqualTypeOf<ProcessBuilder<'a' | 'b'>>()
    expectTypeOf(b.transition('a', 'b').toDefinition()).toEqualTypeOf<ProcessDefinition>()
  })

  it('reject transitions from or to undeclared activities', () => {
    const b = start.wait('a').end('b')
    // @ts-expect-error 'c' is not declared
    b.transition('a', 'c')
    // @ts-expect-error 'x' is not declared
    b.transition('x', 'b')
    // @ts-expect-error transitions come after the activities they connect
    start.transition('a', 'b')
  })

  it('reject a duplicate activity id', () => {
    const b = start.wait('a')
    // @ts-expect-error 'a' is already declared
    b.end('a')
    // @ts-expect-error 'a' is already declared
    b.script('a', { script: 'x' })
    b.end('b')
  })

  it('check that start names a declared activity and dialog', () => {
    const manual = defineProcess('m', { name: 'M', start: { on: 'manual', dialog: 'request' } })
    manual.user('ask', { dialogs: [{ id: 'request', title: 'Request', fields: {} }] }).toDefinition()
    manual.user('request', { dialogs: [{ title: 'Request', fields: {} }] }).toDefinition()
    // @ts-expect-error no dialog "request" is declared
    manual.user('ask', { dialogs: [{ title: 'Ask', fields: {} }] }).toDefinition()
    const pinned = defineProcess('s', { name: 'S', start: { on: 'ticket.created', activity: 'second' } })
    pinned.wait('first').wait('second').toDefinition()
    // @ts-expect-error no activity "second" is declared
    pinned.wait('first').toDefinition()
  })
})

describe('names without a target', () => {
  it('are plain strings', () => {
    expectTypeOf<RegisteredTarget>().toEqualTypeOf<AnyTarget>()
    expectTypeOf<QueueName>().toEqualTypeOf<string>()
    start
      .script('s', { script: 'anything', params: { a: 1, b: ['x'], c: { d: null } } })
      .script('t', { script: 'no-params' })
      .service('w', { webService: 'Any', invoker: 'Thing', output: { 'body.x': 'DynamicField_Whatever' } })
      .user('u', {
        dialogs: [{ title: 'U', fields: { DynamicField_Anything: 'required', Queue: { display: 'hidden', default: 'Any' } }, permission: 'r' }],
      })
      .end('e')
      .transition('s', 'e', {
        when: field('DynamicField_Any').eq(3),
        actions: [setQueue('Whatever'), setOwner('someone'), setDynamicField('Any', true), sendEmail({ to: 'x@y', template: 't' })],
      })
  })

  it('still check shapes', () => {
    // @ts-expect-error unknown built-in field
    field('Queu')
    // @ts-expect-error dynamic fields are prefixed in conditions
    field('Category')
    // @ts-expect-error Lock is lock or unlock
    field('Lock').eq('open')
    // @ts-expect-error scripts params are JSON
    start.script('s', { script: 'x', params: { f: () => 1 } })
    // @ts-expect-error an e-mail needs a template or subject and body
    sendEmail({ to: 'x@y', subject: 'only a subject' })
    // @ts-expect-error setCustomer needs customerUser or customerId
    setCustomer({ name: 'nobody' })
    // @ts-expect-error an article needs subject and body
    addArticle({ subject: 'S' })
    // @ts-expect-error the dialog field display is hidden, optional or required
    start.user('u', { dialogs: [{ title: 'U', fields: { Title: 'mandatory' } }] })
    // @ts-expect-error a service output writes to a ticket field
    start.service('w', { webService: 'A', invoker: 'B', output: { 'body.x': 'Warranty' } })
    // @ts-expect-error a request path starts with body., query., path. or headers.
    start.service('w', { webService: 'A', invoker: 'B', input: { 'bdy.serial': 'x' } })
    start.service('w', { webService: 'A', invoker: 'B', input: { 'body.serial': 'x', 'query.q': '{{ticket.Title}}', 'headers.X-Trace': 'on' } })
    // @ts-expect-error pending time is a number of seconds
    setState('pending', { pendingTimeDiff: '1h' })
    // @ts-expect-error a pending time is relative or absolute, not both
    setState('pending', { pendingTimeDiff: 3600, pendingDateTime: new Date() })
    setState('pending', { pendingDateTime: new Date(), name: 'Remind' })
    createTicket({ title: 'T', queue: 'Q', dynamicFields: { Anything: 'x' } })
  })

  it('conditions are plain Condition values', () => {
    expectTypeOf(field('Queue').eq('x')).toExtend<Condition>()
    expectTypeOf(field('DynamicField_Due').gt(new Date())).toExtend<Condition>()
  })
})
