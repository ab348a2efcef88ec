import { describe, expect, test } from 'vitest'
import { checkDefinition } from './check-definition.js'
import { testTarget } from './fixtures/test-target.js'
import { baseInput, summary } from './fixtures/test-definitions.js'

describe('checkDefinition', () => {
  test('a good definition is ok and comes back parsed, defaults filled in', () => {
    const r = checkDefinition(baseInput(), { target: testTarget })
    expect(r.ok).toBe(true)
    expect(r.issues).toEqual([])
    expect(r.definition?.state).toBe('active')
    expect(r.definition?.start.priority).toBe(0)
  })

  test('warnings alone keep it ok', () => {
    const input = baseInput()
    delete input['description']
    delete input.activities[0]!['description']
    const r = checkDefinition(input)
    expect(r.ok).toBe(true)
    expect(summary(r.issues)).toEqual(['MISSING_DESCRIPTION at activities.0'])
  })

  test('semantic errors: not ok, but the parsed definition is still returned', () => {
    const input = baseInput()
    input.transitions[0]!['to'] = 'nowhere'
    const r = checkDefinition(input, { target: testTarget })
    expect(r.ok).toBe(false)
    expect(r.definition?.id).toBe('incident-triage')
    expect(summary(r.issues)).toContain('UNKNOWN_ACTIVITY at transitions.0.to')
  })

  test('input that breaks the schema in several places yields every problem with its path', () => {
    const input = baseInput()
    input['id'] = 'Incident Triage'
    input['start'] = { on: 'sometime', activity: 'classify' }
    input.activities[0]!['kind'] = 'robot'
    input.activities[1]!['timeoutMs'] = -5
    input.activities[2]!['dialogs'] = [{ id: 'x', title: 'X', interface: ['robot'], fields: [{ field: 'Queu', display: 'required' }] }]
    input.transitions[0]!['condition'] = { op: 'all', of: [{ op: 'eq', field: 'Queue' }] }
    input.transitions[1]!['colour'] = 'red'
    input.transitions[5]!['actions'] = [{ type: 'setQueue' }, { type: 'sendEmail', to: ['a@b.c'] }]
    const r = checkDefinition(input, { target: testTarget })
    expect(r.ok).toBe(false)
    expect(r.definition).toBeUndefined()
    expect(summary(r.issues)).toEqual([
      'SCHEMA_INVALID_UNION at activities.0.kind',
      'SCHEMA_TOO_SMALL at activities.1.timeoutMs',
      'SCHEMA_INVALID_UNION at activities.2.dialogs.0.fields.0.field',
      'SCHEMA_INVALID_VALUE at activities.2.dialogs.0.interface.0',
      'SCHEMA_INVALID_FORMAT at id',
      'SCHEMA_INVALID_UNION at start.on',
      'SCHEMA_INVALID_UNION at transitions.0.condition.of.0.value',
      'SCHEMA_UNRECOGNIZED_KEYS at transitions.1',
      'SCHEMA_INVALID_TYPE at transitions.5.actions.0.queue',
      'SCHEMA_CUSTOM at transitions.5.actions.1',
    ])
    expect(r.issues.every((i) => i.severity === 'error' && i.message.length > 0)).toBe(true)
  })

  test.each([
    ['null', null],
    ['a string', 'incident-triage'],
    ['a number', 42],
    ['an array', [baseInput()]],
    ['undefined', undefined],
  ])('%s is one schema issue at the root, never a throw', (_what, input) => {
    const r = checkDefinition(input)
    expect(r.ok).toBe(false)
    expect(summary(r.issues)).toEqual(['SCHEMA_INVALID_TYPE at '])
    expect(r.issues[0]?.message).toMatch(/expected object/)
  })

  test('deeply wrong nesting is reported, not thrown', () => {
    const input = baseInput()
    input.activities = [{ dialogs: { fields: [[[{}]]] } }] as never
    input.transitions = 'none' as never
    input['start'] = [[{ on: 'manual' }]]
    const r = checkDefinition(input)
    expect(r.ok).toBe(false)
    expect(summary(r.issues)).toEqual(['SCHEMA_INVALID_UNION at activities.0.kind', 'SCHEMA_INVALID_TYPE at start', 'SCHEMA_INVALID_TYPE at transitions'])
  })

  test('a condition nested too deeply to walk is an issue, not a crash', () => {
    let condition: unknown = { op: 'empty', field: 'Title' }
    for (let n = 0; n < 20_000; n++) condition = { op: 'not', of: condition }
    const input = baseInput()
    input.transitions[0]!['condition'] = condition
    const r = checkDefinition(input)
    expect(r.ok).toBe(false)
    expect(summary(r.issues)).toEqual(['CHECK_FAILED at '])
    expect(r.issues[0]?.message).toMatch(/^the definition could not be checked: .*nested too deeply\?$/)
  })
})
