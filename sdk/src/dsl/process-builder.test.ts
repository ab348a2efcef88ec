import { describe, expect, it } from 'vitest'
import { isAblaufError, type AblaufError } from '../errors.js'
import type { ProcessDefinition } from '../definition/definition-schema.js'
import { field } from './condition-builder.js'
import { addArticle, sendEmail } from './message-actions.js'
import { defineProcess, isProcessBuilder } from './process-builder.js'
import { setQueue, setState } from './ticket-actions.js'

const triage = () =>
  defineProcess('incident-triage', {
    name: 'Incident triage',
    description: 'Classify, check warranty, confirm',
    start: { on: 'ticket.created', when: field('Queue').eq('Service Desk') },
  })
    .script('classify', { name: 'Classify', script: 'classify-by-keywords', params: { source: 'Title' } })
    .service('check-warranty', {
      webService: 'ERP',
      invoker: 'WarrantyLookup',
      timeoutMs: 5000,
      retries: 2,
      backoff: { initialMs: 500 },
      input: { 'body.serial': '{{ticket.DynamicField.Serial}}' },
      output: { 'body.status': 'DynamicField_Warranty' },
      failOn: { statuses: [500] },
    })
    .user('confirm', {
      dialogs: [
        {
          title: 'Confirm classification',
          interface: ['agent'],
          fields: { DynamicField_Category: 'required', Article: 'optional', Queue: { display: 'hidden', default: 'Hardware' } },
          submitLabel: 'Confirm',
        },
      ],
    })
    .subprocess('approval', { process: 'manager-approval' })
    .wait('await-reply')
    .end('done', { name: 'Done' })
    .transition('classify', 'check-warranty', { when: field('DynamicField_Category').eq('hardware') })
    .transition('classify', 'confirm')
    .transition('check-warranty', 'confirm', { actions: [setQueue('Hardware')] })
    .transition('check-warranty', 'confirm', { on: 'error', actions: [addArticle({ subject: 'Warranty lookup failed', body: 'ERP is down' })] })
    .transition('confirm', 'approval')
    .transition('approval', 'await-reply')
    .transition('await-reply', 'done', {
      id: 'close',
      name: 'Close',
      when: field('State').eq('closed successful'),
      actions: [setState('closed successful'), sendEmail({ to: '{{customer.Email}}', subject: 'Done', body: 'Solved.' })],
    })

function thrown(fn: () => unknown): AblaufError {
  try {
    fn()
  } catch (err) {
    if (isAblaufError(err)) return err
    throw err
  }
  throw new Error('expected an AblaufError')
}

describe('defineProcess', () => {
  it('produces the canonical definition with every default filled', () => {
    const expected: ProcessDefinition = {
      apiVersion: 'ablauf/v1',
      id: 'incident-triage',
      name: 'Incident triage',
      description: 'Classify, check warranty, confirm',
      state: 'active',
      start: { on: 'ticket.created', when: { op: 'eq', field: 'Queue', value: 'Service Desk' }, activity: 'classify', priority: 0 },
      activities: [
        { id: 'classify', name: 'Classify', kind: 'script', script: 'classify-by-keywords', params: { source: 'Title' } },
        {
          id: 'check-warranty',
          name: 'Check warranty',
          kind: 'service',
          webService: 'ERP',
          invoker: 'WarrantyLookup',
          timeoutMs: 5000,
          retries: 2,
          backoff: { initialMs: 500, factor: 2, maxMs: 60_000 },
          input: { 'body.serial': '{{ticket.DynamicField.Serial}}' },
          output: { 'body.status': 'DynamicField_Warranty' },
          failOn: { statuses: [500] },
        },
        {
          id: 'confirm',
          name: 'Confirm',
          kind: 'user',
          dialogs: [
            {
              id: 'confirm',
              title: 'Confirm classification',
              interface: ['agent'],
              fields: [
                { field: 'DynamicField_Category', display: 'required' },
                { field: 'Article', display: 'optional' },
                { field: 'Queue', display: 'hidden', default: 'Hardware' },
              ],
              submitLabel: 'Confirm',
              requiredLock: false,
            },
          ],
        },
        { id: 'approval', name: 'Approval', kind: 'subprocess', process: 'manager-approval', version: 'latest', ticket: 'same', wait: true },
        { id: 'await-reply', name: 'Await reply', kind: 'wait' },
        { id: 'done', name: 'Done', kind: 'end' },
      ],
      transitions: [
        {
          id: 'classify-to-check-warranty',
          from: 'classify',
          to: 'check-warranty',
          condition: { op: 'eq', field: 'DynamicField_Category', value: 'hardware' },
          actions: [],
        },
        { id: 'classify-to-confirm', from: 'classify', to: 'confirm', actions: [] },
        { id: 'check-warranty-to-confirm', from: 'check-warranty', to: 'confirm', actions: [{ type: 'setQueue', queue: 'Hardware' }] },
        {
          id: 'check-warranty-to-confirm-2',
          from: 'check-warranty',
          to: 'confirm',
          on: 'error',
          actions: [
            {
              type: 'addArticle',
              article: {
                subject: 'Warranty lookup failed',
                body: 'ERP is down',
                channel: 'Internal',
                visibleForCustomer: false,
                senderType: 'system',
                contentType: 'text/plain',
              },
            },
          ],
        },
        { id: 'confirm-to-approval', from: 'confirm', to: 'approval', actions: [] },
        { id: 'approval-to-await-reply', from: 'approval', to: 'await-reply', actions: [] },
        {
          id: 'close',
          from: 'await-reply',
          to: 'done',
          name: 'Close',
          condition: { op: 'eq', field: 'State', value: 'closed successful' },
          actions: [
            { type: 'setState', state: 'closed successful' },
            { type: 'sendEmail', to: ['{{customer.Email}}'], subject: 'Done', body: 'Solved.' },
          ],
        },
      ],
    }
    expect(triage().toDefinition()).toEqual(expected)
    expect(JSON.parse(JSON.stringify(triage().toDefinition()))).toEqual(expected)
  })

  it('is immutable: every call returns a new builder and leaves the old one unchanged', () => {
    const base = defineProcess('p', { name: 'P', start: { on: 'ticket.created' } }).wait('a')
    const withEnd = base.end('b')
    const withTransition = withEnd.transition('a', 'b')
    expect(withEnd).not.toBe(base)
    expect(base.toDefinition().activities.map((a) => a.id)).toEqual(['a'])
    expect(withEnd.toDefinition().transitions).toEqual([])
    expect(withTransition.toDefinition().transitions.map((t) => t.id)).toEqual(['a-to-b'])
    expect(withEnd.transition('b', 'a').toDefinition().transitions.map((t) => t.id)).toEqual(['b-to-a'])
  })

  it('is not changed by later mutation of the options passed in', () => {
    const options = { name: 'Wait here' }
    const actions = [setQueue('Hardware')]
    const b = defineProcess('p', { name: 'P', start: { on: 'ticket.created' } })
      .wait('a', options)
      .end('b')
      .transition('a', 'b', { actions })
    options.name = 'Changed'
    actions.push(setQueue('Other'))
    const def = b.toDefinition()
    expect(def.activities[0]?.name).toBe('Wait here')
    expect(def.transitions[0]?.actions).toEqual([{ type: 'setQueue', queue: 'Hardware' }])
  })

  it('defaults activity names, dialog ids, transition ids and the start activity', () => {
    const def = defineProcess('p', { name: 'P', start: { on: 'manual', dialog: 'ask-customer-2' } })
      .user('ask-customer', {
        dialogs: [
          { title: 'One', fields: {} },
          { id: 'custom', title: 'Two', fields: {} },
          { title: 'Three', fields: {}, interface: ['customer'] },
        ],
      })
      .end('all-done')
      .transition('ask-customer', 'all-done')
      .transition('ask-customer', 'all-done', { id: 'ask-customer-to-all-done-2' })
      .transition('ask-customer', 'all-done')
      .toDefinition()
    expect(def.start).toEqual({ on: 'manual', activity: 'ask-customer', dialog: 'ask-customer-2', priority: 0 })
    expect(def.activities.map((a) => a.name)).toEqual(['Ask customer', 'All done'])
    const user = def.activities[0]
    expect(user?.kind === 'user' && user.dialogs.map((d) => [d.id, d.interface])).toEqual([
      ['ask-customer', ['agent']],
      ['custom', ['agent']],
      ['ask-customer-2', ['customer']],
    ])
    expect(def.transitions.map((t) => t.id)).toEqual(['ask-customer-to-all-done', 'ask-customer-to-all-done-2', 'ask-customer-to-all-done-3'])
  })

  it('uses start.activity when given', () => {
    const def = defineProcess('p', { name: 'P', state: 'fade-away', start: { on: 'ticket.created', activity: 'b', priority: 5 } })
      .wait('a')
      .wait('b')
      .toDefinition()
    expect(def.start).toEqual({ on: 'ticket.created', activity: 'b', priority: 5 })
    expect(def.state).toBe('fade-away')
  })

  it('converts Date values to ISO strings', () => {
    const due = new Date('2026-03-01T08:00:00.000Z')
    const def = defineProcess('p', { name: 'P', start: { on: 'ticket.created', when: field('DynamicField_Due').lt(due) } })
      .end('a', {})
      .toDefinition()
    expect(def.start.on === 'ticket.created' && def.start.when).toEqual({ op: 'lt', field: 'DynamicField_Due', value: '2026-03-01T08:00:00.000Z' })
  })
})

describe('errors', () => {
  it('rejects a duplicate activity id at once', () => {
    const b = defineProcess('p', { name: 'P', start: { on: 'ticket.created' } }).wait('a')
    // Cast: the duplicate is a type error as well; this checks the runtime guard for untyped callers.
    const err = thrown(() => (b.end as (id: string) => unknown)('a'))
    expect(err.code).toBe('DEFINITION_INVALID')
    expect(err.message).toBe('activity "a" is declared twice in process "p"; give each activity its own id')
    expect(err.details).toEqual({
      issues: [{ code: 'DUPLICATE_ACTIVITY', path: ['activities', 1, 'id'], message: err.message, severity: 'error' }],
    })
  })

  it('reports schema problems and dangling references as DEFINITION_INVALID issues', () => {
    const b = defineProcess('Bad_Id', { name: 'P', start: { on: 'manual', activity: 'a', dialog: 'nope' } })
      .user('a', { dialogs: [{ title: 'A', fields: {} }] })
      .end('b')
      .transition('a', 'b', { id: 'x' })
      .transition('b', 'a', { id: 'x' })
    const untyped = b as unknown as { toDefinition(): unknown; transition(from: string, to: string): typeof untyped }
    const err = thrown(() => untyped.transition('a', 'ghost').toDefinition())
    expect(err.code).toBe('DEFINITION_INVALID')
    const issues = (err.details?.['issues'] ?? []) as { code: string; path: unknown[] }[]
    expect(issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['UNKNOWN_DIALOG', 'start.dialog'],
      ['DUPLICATE_TRANSITION', 'transitions.1.id'],
      ['UNKNOWN_ACTIVITY', 'transitions.2.to'],
      ['SCHEMA_INVALID_FORMAT', 'id'],
    ])
    expect(err.message).toContain('process "Bad_Id" has 4 problems:')
    expect(err.message).toContain('start.dialog: start dialog "nope" is not a dialog of start activity "a"; its dialogs are "a"')
  })

  it('reports a process without activities', () => {
    const err = thrown(() => (defineProcess('p', { name: 'P', start: { on: 'ticket.created' } }).toDefinition as () => unknown)())
    expect(err.code).toBe('DEFINITION_INVALID')
    expect(err.message).toContain('activities')
  })
})

describe('isProcessBuilder', () => {
  it('recognises builders by their registered-symbol brand', () => {
    const b = defineProcess('p', { name: 'P', start: { on: 'ticket.created' } }).end('a')
    expect(isProcessBuilder(b)).toBe(true)
    const foreign = { [Symbol.for('ablauf.processBuilder')]: true, toDefinition: () => b.toDefinition() }
    expect(isProcessBuilder(foreign)).toBe(true)
    expect(isProcessBuilder(b.toDefinition())).toBe(false)
    expect(isProcessBuilder(null)).toBe(false)
    expect(isProcessBuilder({ toDefinition: () => ({}) })).toBe(false)
  })
})
