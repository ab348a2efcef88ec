import { describe, expect, it } from 'vitest'
import { evaluateCondition, type TicketSnapshot } from '@ablauf/sdk/runtime'
import { validateDefinition } from '@ablauf/sdk'
import { processDefinitionSchema } from '@ablauf/sdk/definition'
import { isNeverHolds, neverHolds, readUnmappedTest, unmappedTest, type UnmappedZnunyTest } from './znuny-never-holds.js'

const TICKET: TicketSnapshot = {
  id: '1', number: '1', Title: '', Queue: 'Raw', State: 'new', Priority: '3 normal', Type: null, Service: null, SLA: null,
  Owner: null, Responsible: null, CustomerUser: null, CustomerID: null, Lock: 'unlock', PendingTime: null, DynamicField: {}, test: false,
}

const TESTS: UnmappedZnunyTest[] = [
  { key: 'PriorityID', type: 'String', match: '3' },
  { key: 'Queue', type: 'Module', match: 'Kernel::System::ProcessManagement::TransitionValidation::ValidateDemo' },
  { key: 'TypeID', type: 'Regexp', match: '(?i)^(1|2)\\z' },
  { key: 'DynamicField_Tags', type: 'Array', match: ['a/b', '[x]', '"q"'] },
  { key: 'asdf', type: '', match: '' },
]

describe('an unmapped Znuny test kept as a test that never holds', () => {
  it.each(TESTS)('carries $key $type $match there and back', (t) => {
    const c = unmappedTest(t)
    expect(isNeverHolds(c)).toBe(true)
    expect(readUnmappedTest(c)).toEqual(t)
  })

  it.each(TESTS)('never holds, and its pattern compiles ($key)', (t) => {
    const c = unmappedTest(t)
    for (const Title of ['', 'x', c.op === 'regex' ? c.pattern : '', JSON.stringify(t.match)]) expect(evaluateCondition(c, { ...TICKET, Title })).toBe(false)
    const def = processDefinitionSchema.parse({
      apiVersion: 'ablauf/v1', id: 'p', name: 'P', start: { on: 'ticket.created', activity: 'w' },
      activities: [{ id: 'w', name: 'W', kind: 'wait' }, { id: 'e', name: 'E', kind: 'end' }],
      transitions: [{ id: 't', from: 'w', to: 'e', condition: c }],
    })
    expect(validateDefinition(def).filter((i) => (i.severity ?? 'error') === 'error')).toEqual([])
  })

  it('falls back to a plain never-holding test when the key cannot be carried, and reads other tests as nothing', () => {
    expect(unmappedTest({ key: 'a:b', type: 'String', match: 'x' })).toEqual(neverHolds())
    expect(readUnmappedTest(neverHolds())).toBeUndefined()
    expect(readUnmappedTest({ op: 'regex', field: 'Title', pattern: '^(?!)znuny:A:String:"x"' })).toBeUndefined()
    expect(readUnmappedTest({ op: 'regex', field: 'Queue', pattern: '(?!)znuny:A:String:"x"' })).toBeUndefined()
    expect(readUnmappedTest({ op: 'regex', field: 'Title', pattern: '(?!)znuny:A:String:not json' })).toBeUndefined()
  })
})
