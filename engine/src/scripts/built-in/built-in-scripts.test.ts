import { describe, expect, it } from 'vitest'
import type { JsonValue } from '@ablauf/sdk'
import { createScriptRegistry } from '../script-registry.js'
import { ticketFixture } from '../test-support/ticket-fixture.js'
import { builtInScripts } from './built-in-scripts.js'

const scripts = createScriptRegistry(builtInScripts())
const now = new Date('2024-05-03T15:00:00Z') // a Friday

describe('classify-by-keywords', () => {
  const params: Record<string, JsonValue> = {
    source: ['Title', 'Article'],
    target: 'DynamicField_Category',
    rules: [
      { value: 'hardware', keywords: ['laptop', 'printer'] },
      { value: 'network', pattern: '\\bvpn\\b' },
      { field: 'Priority', value: '5 very high', keywords: ['outage'] },
    ],
    default: 'other',
  }

  it('sets the target from the first rule whose keyword occurs, case-insensitively', () => {
    expect(scripts.run('classify-by-keywords', params, { ticket: ticketFixture({ Title: 'LAPTOP and VPN broken' }), now })).toEqual({
      DynamicField_Category: 'hardware',
    })
  })

  it('matches patterns and searches article text', () => {
    const ctx = { ticket: ticketFixture({ Title: 'Help' }), now, articles: [{ subject: 'Remote', body: 'my VPN drops' }] }
    expect(scripts.run('classify-by-keywords', params, ctx)).toEqual({ DynamicField_Category: 'network' })
  })

  it('lets a rule set its own field', () => {
    expect(scripts.run('classify-by-keywords', params, { ticket: ticketFixture({ Title: 'Total outage' }), now })).toEqual({ Priority: '5 very high' })
  })

  it('writes the default when nothing matches', () => {
    expect(scripts.run('classify-by-keywords', params, { ticket: ticketFixture({ Title: 'Question' }), now })).toEqual({ DynamicField_Category: 'other' })
  })

  it('rejects a rule without keywords or pattern with SCRIPT_FAILED', () => {
    expect(() => scripts.run('classify-by-keywords', { target: 'DynamicField_X', rules: [{ value: 'a' }] }, { ticket: ticketFixture(), now })).toThrow(
      expect.objectContaining({ code: 'SCRIPT_FAILED', message: expect.stringContaining('keywords or a pattern') }),
    )
  })
})

describe('copy-field', () => {
  it('copies a field value to another field', () => {
    expect(scripts.run('copy-field', { from: 'CustomerID', to: 'DynamicField_Account' }, { ticket: ticketFixture(), now })).toEqual({ DynamicField_Account: 'ACME' })
  })

  it('rejects an unknown field name', () => {
    expect(() => scripts.run('copy-field', { from: 'Nope', to: 'Title' }, { ticket: ticketFixture(), now })).toThrow(expect.objectContaining({ code: 'SCRIPT_FAILED' }))
  })
})

describe('compute-due-date', () => {
  const run = (params: Record<string, number | string | Record<string, number>>): unknown =>
    scripts.run('compute-due-date', { field: 'DynamicField_Due', ...params }, { ticket: ticketFixture(), now })

  it('skips the weekend when adding business days', () => {
    expect(run({ businessDays: 1 })).toEqual({ DynamicField_Due: '2024-05-06T15:00:00.000Z' })
    expect(run({ businessDays: 5, format: 'date' })).toEqual({ DynamicField_Due: '2024-05-10' })
  })

  it('adds business hours within the working day and carries over to Monday', () => {
    expect(run({ businessHours: 1 })).toEqual({ DynamicField_Due: '2024-05-03T16:00:00.000Z' })
    expect(run({ businessHours: 4 })).toEqual({ DynamicField_Due: '2024-05-06T10:00:00.000Z' })
    expect(run({ businessHours: 2, workday: { start: 9, end: 18 } })).toEqual({ DynamicField_Due: '2024-05-03T17:00:00.000Z' })
  })

  it('writes PendingTime', () => {
    expect(scripts.run('compute-due-date', { field: 'PendingTime', businessDays: 2 }, { ticket: ticketFixture(), now })).toEqual({
      PendingTime: '2024-05-07T15:00:00.000Z',
    })
  })
})

describe('render-template', () => {
  it('renders placeholders of the ticket and the process into a field', () => {
    const ctx = {
      ticket: ticketFixture({ DynamicField: { Category: 'hardware' } }),
      now,
      process: { id: 'incident-triage', name: 'Incident triage', activity: 'classify' },
    }
    const params = { template: '[{{ticket.DynamicField.Category}}] {{ticket.Title}} ({{process.Name}})', field: 'DynamicField_Summary' }
    expect(scripts.run('render-template', params, ctx)).toEqual({ DynamicField_Summary: '[hardware] Laptop does not boot (Incident triage)' })
  })
})

describe('parameter specs', () => {
  it('publishes every built-in with value specs of its params', () => {
    const byName = Object.fromEntries(scripts.describe().map((s) => [s.name, s]))
    expect(Object.keys(byName).sort()).toEqual(['classify-by-keywords', 'compute-due-date', 'copy-field', 'render-template'])
    expect(byName['copy-field']?.params).toEqual({
      from: { type: 'field', description: 'the field read', required: true },
      to: { type: 'field', description: 'the field written', required: true },
    })
    const due = byName['compute-due-date']?.params
    expect(due?.format).toMatchObject({ type: 'string', values: ['date', 'datetime'], required: false })
    expect(due?.businessDays).toMatchObject({ type: 'integer', required: false })
    const rules = byName['classify-by-keywords']?.params.rules
    expect(rules).toMatchObject({ type: 'array', required: true, items: { type: 'object', properties: { keywords: { type: 'array', items: { type: 'string' } } } } })
    expect(byName['classify-by-keywords']?.params.source?.type).toBe('any')
  })
})
