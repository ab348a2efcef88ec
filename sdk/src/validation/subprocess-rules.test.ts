import { describe, expect, test } from 'vitest'
import { validateDefinition } from './validate-definition.js'
import { validateDefinitions } from './validate-definitions.js'
import { definitionOf, summary } from './fixtures/test-definitions.js'

/** A process that calls the given processes one after another, then ends. */
function caller(id: string, calls: string[]) {
  const tasks: Record<string, unknown>[] = calls.map((process, n) => ({ id: `call-${n}`, name: `Call ${process}`, description: 'x', kind: 'subprocess', process }))
  if (tasks.length === 0) tasks.push({ id: 'work', name: 'Work', description: 'x', kind: 'wait' })
  const ids = [...tasks.map((t) => t['id'] as string), 'done']
  return definitionOf({
    apiVersion: 'ablauf/v1',
    id,
    name: id,
    start: { on: 'ticket.created', activity: ids[0] },
    activities: [...tasks, { id: 'done', name: 'Done', description: 'x', kind: 'end' }],
    transitions: ids.slice(1).map((to, n) => ({ id: `t-${n}`, from: ids[n], to, description: 'x' })),
  })
}

describe('sub-process rules across a set', () => {
  test('SUBPROCESS_CYCLE: A → B → A is reported in both, with the circle in the message', () => {
    const results = validateDefinitions([caller('a', ['b']), caller('b', ['c', 'a']), caller('c', [])])
    expect(results.map((r) => [r.id, summary(r.issues)])).toEqual([
      ['a', ['SUBPROCESS_CYCLE at activities.0.process']],
      ['b', ['SUBPROCESS_CYCLE at activities.1.process']],
      ['c', []],
    ])
    expect(results[0]?.issues[0]?.message).toBe('sub-processes start each other in a circle: a → b → a; break the circle')
  })

  test('a process that starts itself is a cycle too', () => {
    const [a] = validateDefinitions([caller('a', ['a'])])
    expect(a?.issues[0]?.message).toBe('sub-processes start each other in a circle: a → a; break the circle')
  })

  test('UNKNOWN_PROCESS: a sub-process outside the set, with a suggestion', () => {
    const [a] = validateDefinitions([caller('a', ['order-part']), caller('order-parts', [])])
    expect(summary(a?.issues ?? [])).toEqual(['UNKNOWN_PROCESS at activities.0.process'])
    expect(a?.issues[0]?.message).toBe('unknown process "order-part" in this deployment — did you mean "order-parts"?')
  })

  test('without the set, sub-process names are not checked', () => {
    expect(validateDefinition(caller('a', ['elsewhere']))).toEqual([])
  })

  test('validateDefinition sees cycles through the given definitions', () => {
    expect(summary(validateDefinition(caller('a', ['b']), { definitions: [caller('b', ['a'])] }))).toEqual(['SUBPROCESS_CYCLE at activities.0.process'])
  })

  test('DUPLICATE_ID: two definitions of one set share a process id', () => {
    const results = validateDefinitions([caller('a', []), caller('b', []), caller('a', [])])
    expect(results.map((r) => [r.id, r.index, summary(r.issues)])).toEqual([
      ['a', 0, []],
      ['b', 1, []],
      ['a', 2, ['DUPLICATE_ID at id']],
    ])
    expect(results[2]?.issues[0]?.message).toBe('process id "a" is already used by definition 1 of this set; give each process its own id')
  })
})
