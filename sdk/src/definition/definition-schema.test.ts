import { describe, expect, test } from 'vitest'
import { parseDefinition } from './parse-definition.js'
import type { ProcessDefinitionInput } from './definition-schema.js'

const minimal = {
  apiVersion: 'ablauf/v1',
  id: 'hello',
  name: 'Hello',
  start: { on: 'ticket.created', activity: 'wait-a-bit' },
  activities: [
    { id: 'wait-a-bit', name: 'Wait', kind: 'wait' },
    { id: 'done', name: 'Done', kind: 'end' },
  ],
  transitions: [{ id: 'go', from: 'wait-a-bit', to: 'done' }],
} satisfies ProcessDefinitionInput

const codesAt = (input: unknown): string[] => {
  const r = parseDefinition(input)
  return r.ok ? [] : r.issues.map((i) => `${i.code} at ${i.path.join('.')}`)
}

describe('processDefinitionSchema', () => {
  test('a minimal definition parses, with every default filled in', () => {
    const r = parseDefinition(minimal)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.state).toBe('active')
    expect(r.value.start).toEqual({ on: 'ticket.created', activity: 'wait-a-bit', priority: 0 })
    expect(r.value.transitions[0]?.actions).toEqual([])
  })

  test('parsing does not change the input', () => {
    const input = structuredClone(minimal)
    parseDefinition(input)
    expect(input).toEqual(minimal)
  })

  test('the apiVersion is a literal: another version is rejected', () => {
    expect(codesAt({ ...minimal, apiVersion: 'ablauf/v2' })).toEqual(['SCHEMA_INVALID_VALUE at apiVersion'])
  })

  test('unknown keys are rejected at every level (strict objects)', () => {
    expect(codesAt({ ...minimal, owner: 'me' })).toEqual(['SCHEMA_UNRECOGNIZED_KEYS at '])
    expect(codesAt({ ...minimal, activities: [{ ...minimal.activities[0], colour: 'red' }, minimal.activities[1]] })).toEqual([
      'SCHEMA_UNRECOGNIZED_KEYS at activities.0',
    ])
    expect(codesAt({ ...minimal, start: { ...minimal.start, dialog: 'x' } })).toEqual(['SCHEMA_UNRECOGNIZED_KEYS at start'])
  })

  test('ids are kebab-case, and the message says how to write one', () => {
    const r = parseDefinition({ ...minimal, id: 'Hello_World' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.issues[0]?.path).toEqual(['id'])
    expect(r.issues[0]?.message).toMatch(/kebab-case/)
    expect(codesAt({ ...minimal, id: 'a--b' })).toEqual(['SCHEMA_INVALID_FORMAT at id'])
    expect(codesAt({ ...minimal, id: 'check-warranty-2' })).toEqual([])
  })

  test('a process needs at least one activity', () => {
    expect(codesAt({ ...minimal, activities: [] })).toEqual(['SCHEMA_TOO_SMALL at activities'])
  })

  test('a manual start may name a start dialog; a ticket.created start may have a condition', () => {
    expect(codesAt({ ...minimal, start: { on: 'manual', activity: 'wait-a-bit', dialog: 'start-form' } })).toEqual([])
    expect(codesAt({ ...minimal, start: { ...minimal.start, when: { op: 'eq', field: 'Queue', value: 'Raw' } } })).toEqual([])
    expect(codesAt({ ...minimal, start: { on: 'manual', activity: 'wait-a-bit', when: { op: 'empty', field: 'Title' } } })).toEqual([
      'SCHEMA_UNRECOGNIZED_KEYS at start',
    ])
  })

  test('start priority is a bounded integer', () => {
    expect(codesAt({ ...minimal, start: { ...minimal.start, priority: 1.5 } })).toEqual(['SCHEMA_INVALID_TYPE at start.priority'])
    expect(codesAt({ ...minimal, start: { ...minimal.start, priority: 5000 } })).toEqual(['SCHEMA_TOO_BIG at start.priority'])
  })

  test('a transition may only be marked on: "error"', () => {
    expect(codesAt({ ...minimal, transitions: [{ ...minimal.transitions[0], on: 'timeout' }] })).toEqual(['SCHEMA_INVALID_VALUE at transitions.0.on'])
  })

  test('state is one of Znuny\'s three', () => {
    expect(codesAt({ ...minimal, state: 'fade-away' })).toEqual([])
    expect(codesAt({ ...minimal, state: 'paused' })).toEqual(['SCHEMA_INVALID_VALUE at state'])
  })
})
