import { describe, expect, test } from 'vitest'
import { parseDefinition } from '../definition/parse-definition.js'
import type { ProcessDefinition } from '../definition/definition-schema.js'
import { contentHash } from './content-hash.js'

function parsed(input: unknown): ProcessDefinition {
  const r = parseDefinition(input)
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return r.value
}

const input = {
  apiVersion: 'ablauf/v1',
  id: 'hello',
  name: 'Hello',
  start: { on: 'ticket.created', activity: 'greet' },
  activities: [
    { id: 'greet', name: 'Greet', kind: 'user', dialogs: [{ id: 'hi', title: 'Hi', interface: ['agent'], fields: [] }] },
    { id: 'done', name: 'Done', kind: 'end' },
  ],
  transitions: [{ id: 'greet-done', from: 'greet', to: 'done', actions: [{ type: 'setState', state: 'closed successful' }] }],
}

describe('contentHash', () => {
  test('is stable: this definition always hashes to the same value', () => {
    // If this literal changes, every deployed version would look changed: change it only on purpose.
    expect(contentHash(parsed(input))).toBe('2a0c8420f26c82d87975265bde83e930f507b0ba091d61fa1aefc13f585fbbd0')
  })

  test('does not depend on key order', () => {
    const reordered = Object.fromEntries(Object.entries(input).reverse())
    expect(contentHash(parsed(reordered))).toBe(contentHash(parsed(input)))
  })

  test('writing a default out gives the same hash as leaving it away', () => {
    expect(contentHash(parsed({ ...input, state: 'active' }))).toBe(contentHash(parsed(input)))
  })

  test('changes when the content changes', () => {
    expect(contentHash(parsed({ ...input, name: 'Hello!' }))).not.toBe(contentHash(parsed(input)))
  })

  test('is 64 lower-case hex digits', () => {
    expect(contentHash(parsed(input))).toMatch(/^[0-9a-f]{64}$/)
  })
})
