import { describe, expect, test } from 'vitest'
import { validateDefinition } from './validate-definition.js'
import { testTarget } from './fixtures/test-target.js'
import { baseInput, changed, definitionOf, summary } from './fixtures/test-definitions.js'

const errorsOf = (def: Parameters<typeof validateDefinition>[0]): string[] =>
  summary(validateDefinition(def, { target: testTarget }).filter((i) => i.severity === 'error'))

describe('graph rules', () => {
  test('the base definition has no issues at all', () => {
    expect(validateDefinition(definitionOf(baseInput()), { target: testTarget })).toEqual([])
  })

  test('UNKNOWN_ACTIVITY: a transition to an undeclared activity, with a suggestion', () => {
    const def = changed((d) => {
      d.transitions[5]!.to = 'dnoe'
    })
    const issues = validateDefinition(def)
    expect(summary(issues)).toContain('UNKNOWN_ACTIVITY at transitions.5.to')
    expect(issues.find((i) => i.code === 'UNKNOWN_ACTIVITY')?.message).toBe('unknown activity "dnoe" — did you mean "done"?')
  })

  test('UNKNOWN_ACTIVITY: a transition from an undeclared activity, and a start at one', () => {
    const def = changed((d) => {
      d.transitions[0]!.from = 'nowhere'
      d.start = { on: 'ticket.created', activity: 'clasify' }
    })
    const issues = validateDefinition(def)
    expect(summary(issues)).toEqual(expect.arrayContaining(['UNKNOWN_ACTIVITY at start.activity', 'UNKNOWN_ACTIVITY at transitions.0.from']))
    expect(issues.find((i) => i.path.join('.') === 'start.activity')?.message).toBe('unknown start activity "clasify" — did you mean "classify"?')
  })

  test('UNKNOWN_DIALOG: a manual start names a dialog the start activity does not have', () => {
    const def = changed((d) => {
      d.start = { on: 'manual', activity: 'confirm', dialog: 'confirm-clasification' }
      d.transitions.push({ id: 'back', from: 'confirm', to: 'classify', description: 'again' })
    })
    const issues = validateDefinition(def, { target: testTarget })
    expect(summary(issues)).toEqual(['UNKNOWN_DIALOG at start.dialog'])
    expect(issues[0]?.message).toBe('unknown start dialog "confirm-clasification" in activity "confirm" — did you mean "confirm-classification"?')
  })

  test('START_NOT_ALLOWED: starting at an end, or a manual start at a task without dialogs', () => {
    expect(errorsOf(changed((d) => { d.start = { on: 'ticket.created', activity: 'done' } }))).toContain('START_NOT_ALLOWED at start.activity')
    expect(errorsOf(changed((d) => { d.start = { on: 'manual', activity: 'classify' } }))).toEqual(['START_NOT_ALLOWED at start.activity'])
  })

  test('DUPLICATE_ID: activities, transitions and dialogs of one activity', () => {
    const def = changed((d) => {
      d.transitions[1]!.id = 'to-warranty'
      const dialogs = d.activities[2]!.dialogs as { id: string }[]
      dialogs[1]!.id = 'confirm-classification'
      d.activities.push({ id: 'done', name: 'Done again', description: 'x', kind: 'end' })
    })
    const issues = validateDefinition(def, { target: testTarget })
    expect(summary(issues)).toEqual(['DUPLICATE_ID at activities.2.dialogs.1.id', 'DUPLICATE_ID at activities.4.id', 'DUPLICATE_ID at transitions.1.id'])
    expect(issues[2]?.message).toBe('transition id "to-warranty" is already used at transitions.0.id; give each transition its own id')
  })

  test('UNREACHABLE_ACTIVITY: no path from the start leads to it', () => {
    const def = changed((d) => {
      d.activities.push({ id: 'orphan', name: 'Orphan', description: 'x', kind: 'wait' })
      d.transitions.push({ id: 'orphan-done', from: 'orphan', to: 'done', description: 'x' })
    })
    expect(errorsOf(def)).toEqual(['UNREACHABLE_ACTIVITY at activities.4'])
  })

  test('DEAD_END: a task without a way out, or with only an error path', () => {
    const noWayOut = changed((d) => {
      d.transitions.splice(5, 1)
    })
    expect(errorsOf(noWayOut)).toEqual(['DEAD_END at activities.2', 'UNREACHABLE_ACTIVITY at activities.3', 'NO_REACHABLE_END at start.activity'])
    const onlyError = changed((d) => {
      d.transitions.splice(3, 1)
    })
    expect(errorsOf(onlyError)).toEqual(['DEAD_END at activities.1'])
  })

  test('NO_REACHABLE_END: no end at all', () => {
    const def = changed((d) => {
      d.activities[3] = { id: 'done', name: 'Done', description: 'x', kind: 'wait' }
      d.transitions.push({ id: 'loop', from: 'done', to: 'confirm', description: 'x' })
    })
    const issues = validateDefinition(def)
    expect(summary(issues)).toEqual(['NO_REACHABLE_END at start.activity'])
    expect(issues[0]?.message).toMatch(/has no end activity/)
  })

  test('END_HAS_TRANSITIONS: a transition out of an end', () => {
    const def = changed((d) => {
      d.transitions.push({ id: 'reopen', from: 'done', to: 'confirm', description: 'x' })
    })
    expect(errorsOf(def)).toEqual(['END_HAS_TRANSITIONS at transitions.6.from'])
  })

  test('ERROR_PATH_NOT_ALLOWED: an error path from a user task', () => {
    const def = changed((d) => {
      d.transitions.push({ id: 'confirm-failed', from: 'confirm', to: 'done', on: 'error', description: 'x' })
    })
    const issues = validateDefinition(def)
    expect(summary(issues)).toEqual(['ERROR_PATH_NOT_ALLOWED at transitions.6.on'])
    expect(issues[0]?.message).toMatch(/"confirm" is a user activity and cannot fail/)
  })
})
