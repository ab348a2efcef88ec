import { describe, expect, test } from 'vitest'
import { hasErrors } from './issue-order.js'
import { validateDefinition } from './validate-definition.js'
import { testTarget } from './fixtures/test-target.js'
import { changed, summary } from './fixtures/test-definitions.js'

describe('best-practice warnings', () => {
  test('MISSING_DESCRIPTION for an activity and a transition, as warnings', () => {
    const def = changed((d) => {
      delete d.activities[3]!.description
      d.transitions[2]!.description = '  '
    })
    const issues = validateDefinition(def, { target: testTarget })
    expect(summary(issues)).toEqual(['MISSING_DESCRIPTION at activities.3', 'MISSING_DESCRIPTION at transitions.2'])
    expect(issues.every((i) => i.severity === 'warning')).toBe(true)
    expect(hasErrors(issues)).toBe(false)
  })

  test('NO_ERROR_PATH for a service task without on: "error"', () => {
    const def = changed((d) => {
      d.transitions.splice(4, 1)
    })
    const issues = validateDefinition(def, { target: testTarget })
    expect(summary(issues)).toEqual(['NO_ERROR_PATH at activities.1'])
    expect(issues[0]?.severity).toBe('warning')
    expect(issues[0]?.message).toMatch(/^service task "check-warranty" has no on: "error" transition/)
  })
})
