import { describe, expect, it } from 'vitest'
import type { Condition } from '../definition/index.js'
import { createTicketSnapshot } from '../testing/ticket-snapshot.js'
import { evaluateCondition, traceCondition } from './evaluate-condition.js'

const ticket = createTicketSnapshot({
  Title: 'Laptop broken',
  Queue: 'Service Desk',
  Owner: null,
  DynamicField_Count: '7',
  DynamicField_Tags: ['urgent', 'hardware'],
  DynamicField_Due: '2025-03-01T10:00:00+01:00',
  DynamicField_Approved: true,
  DynamicField_Empty: [],
})

const holds = (c: Condition): boolean => evaluateCondition(c, ticket)

describe('evaluateCondition', () => {
  it('compares text, numbers numerically and booleans by truth', () => {
    expect(holds({ op: 'eq', field: 'Queue', value: 'Service Desk' })).toBe(true)
    expect(holds({ op: 'ne', field: 'Queue', value: 'Service Desk' })).toBe(false)
    expect(holds({ op: 'eq', field: 'DynamicField_Count', value: 7 })).toBe(true)
    expect(holds({ op: 'gt', field: 'DynamicField_Count', value: 10 })).toBe(false)
    expect(holds({ op: 'lte', field: 'DynamicField_Count', value: 7 })).toBe(true)
    expect(holds({ op: 'eq', field: 'DynamicField_Approved', value: true })).toBe(true)
    expect(holds({ op: 'eq', field: 'DynamicField_Missing', value: false })).toBe(true)
  })

  it('tests list values (Multiselect) by membership', () => {
    expect(holds({ op: 'eq', field: 'DynamicField_Tags', value: 'urgent' })).toBe(true)
    expect(holds({ op: 'in', field: 'DynamicField_Tags', values: ['software', 'hardware'] })).toBe(true)
    expect(holds({ op: 'ne', field: 'DynamicField_Tags', value: 'urgent' })).toBe(false)
    expect(holds({ op: 'contains', field: 'DynamicField_Tags', value: 'hard' })).toBe(false)
    expect(holds({ op: 'contains', field: 'DynamicField_Tags', value: 'hardware' })).toBe(true)
    expect(holds({ op: 'contains', field: 'Title', value: 'broken' })).toBe(true)
  })

  it('orders ISO date-times by time, not by text', () => {
    expect(holds({ op: 'lt', field: 'DynamicField_Due', value: '2025-03-01T09:30:00Z' })).toBe(true)
    expect(holds({ op: 'gt', field: 'DynamicField_Due', value: '2025-02-28' })).toBe(true)
  })

  it('treats unset, empty text, empty lists and the Article as empty', () => {
    expect(holds({ op: 'empty', field: 'Owner' })).toBe(true)
    expect(holds({ op: 'empty', field: 'DynamicField_Empty' })).toBe(true)
    expect(holds({ op: 'empty', field: 'Article' })).toBe(true)
    expect(holds({ op: 'notEmpty', field: 'Title' })).toBe(true)
    expect(holds({ op: 'gt', field: 'Owner', value: 'a' })).toBe(false)
  })

  it('matches regexes and treats an invalid pattern as no match instead of throwing', () => {
    expect(holds({ op: 'regex', field: 'Title', pattern: '^laptop', flags: 'i' })).toBe(true)
    expect(holds({ op: 'regex', field: 'Title', pattern: '([' })).toBe(false)
  })

  it('combines with all, any, not and one (exactly one)', () => {
    const yes: Condition = { op: 'eq', field: 'Queue', value: 'Service Desk' }
    const no: Condition = { op: 'eq', field: 'Queue', value: 'Raw' }
    expect(holds({ op: 'all', of: [yes, no] })).toBe(false)
    expect(holds({ op: 'any', of: [no, yes] })).toBe(true)
    expect(holds({ op: 'not', of: no })).toBe(true)
    expect(holds({ op: 'one', of: [yes, no] })).toBe(true)
    expect(holds({ op: 'one', of: [yes, yes] })).toBe(false)
    expect(holds({ op: 'one', of: [no, no] })).toBe(false)
  })
})

describe('traceCondition', () => {
  it('shows every node with the value it saw', () => {
    const trace = traceCondition(
      { op: 'all', of: [{ op: 'eq', field: 'Queue', value: 'Service Desk' }, { op: 'in', field: 'Priority', values: ['1 very high'] }] },
      ticket,
    )
    expect(trace).toEqual({
      op: 'all',
      result: false,
      children: [
        { op: 'eq', field: 'Queue', actual: 'Service Desk', expected: 'Service Desk', result: true },
        { op: 'in', field: 'Priority', actual: '3 normal', expected: ['1 very high'], result: false },
      ],
    })
  })
})
