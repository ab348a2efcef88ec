import { describe, expect, test } from 'vitest'
import type { Issue } from '../errors.js'
import { hasErrors, sortIssues } from './issue-order.js'

const issue = (code: string, path: (string | number)[], severity: Issue['severity'] = 'error'): Issue => ({ code, path, message: code, severity })

describe('sortIssues', () => {
  test('orders by path (indexes as numbers), then code, whatever order they came in', () => {
    const issues = [
      issue('B', ['transitions', 0]),
      issue('A', ['activities', 10]),
      issue('Z', ['activities', 2, 'id']),
      issue('A', ['activities', 2, 'id']),
      issue('A', ['activities', 2]),
      issue('A', []),
    ]
    const expected = ['A ', 'A activities.2', 'A activities.2.id', 'Z activities.2.id', 'A activities.10', 'B transitions.0']
    expect(sortIssues(issues).map((i) => `${i.code} ${i.path.join('.')}`)).toEqual(expected)
    expect(sortIssues([...issues].reverse()).map((i) => `${i.code} ${i.path.join('.')}`)).toEqual(expected)
  })

  test('does not change its input', () => {
    const issues = [issue('B', ['b']), issue('A', ['a'])]
    sortIssues(issues)
    expect(issues.map((i) => i.code)).toEqual(['B', 'A'])
  })
})

describe('hasErrors', () => {
  test('warnings alone are not errors; an issue without severity is an error', () => {
    expect(hasErrors([issue('W', [], 'warning')])).toBe(false)
    expect(hasErrors([issue('W', [], 'warning'), { code: 'X', path: [], message: 'x' }])).toBe(true)
    expect(hasErrors([])).toBe(false)
  })
})
