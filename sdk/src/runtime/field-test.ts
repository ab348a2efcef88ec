import type { CompareCondition, EmptyCondition, FieldValue, InCondition, RegexCondition, Scalar } from '../definition/index.js'
import { isEmptyValue } from './ticket-fields.js'

/** A leaf of a condition: one test on one field. */
export type FieldTest = CompareCondition | InCondition | RegexCondition | EmptyCondition

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * Whether `test` holds for the field value `actual`.
 *
 * For a list value (Multiselect) a test holds when it holds for some element, so `eq` and `in` test
 * membership and `ne` means "not a member"; `empty` looks at the list itself.
 */
export function fieldTestHolds(test: FieldTest, actual: FieldValue): boolean {
  switch (test.op) {
    case 'empty':
      return isEmptyValue(actual)
    case 'notEmpty':
      return !isEmptyValue(actual)
    case 'ne':
      return !someElement(actual, (v) => scalarEquals(v, test.value))
    case 'eq':
      return someElement(actual, (v) => scalarEquals(v, test.value))
    case 'in':
      return someElement(actual, (v) => test.values.some((expected) => scalarEquals(v, expected)))
    case 'contains':
      if (Array.isArray(actual)) return actual.includes(String(test.value))
      return actual !== null && String(actual).includes(String(test.value))
    case 'regex': {
      const re = compileRegex(test.pattern, test.flags)
      return re !== undefined && someElement(actual, (v) => re.test(v === null ? '' : String(v)))
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return someElement(actual, (v) => {
        const order = compareOrder(v, test.value)
        if (order === undefined) return false
        if (test.op === 'gt') return order > 0
        if (test.op === 'gte') return order >= 0
        if (test.op === 'lt') return order < 0
        return order <= 0
      })
  }
}

function someElement(actual: FieldValue, predicate: (v: Scalar | null) => boolean): boolean {
  return Array.isArray(actual) ? actual.some(predicate) : predicate(actual)
}

/** Numbers compare numerically (`'3'` equals `3`), booleans by truth (unset is false), the rest as text. */
function scalarEquals(actual: Scalar | null, expected: Scalar): boolean {
  if (typeof expected === 'number') return actual !== null && actual !== '' && Number(actual) === expected
  if (typeof expected === 'boolean') return toBoolean(actual) === expected
  return (actual === null ? '' : String(actual)) === expected
}

/** Checkbox values arrive as booleans, `1`/`0` or their text. */
function toBoolean(value: Scalar | null): boolean {
  return value === true || value === 1 || value === '1' || value === 'true'
}

/** Sign of `actual - expected`: numbers numerically, ISO dates by time, other text lexically; unset never orders. */
function compareOrder(actual: Scalar | null, expected: Scalar): number | undefined {
  if (actual === null || actual === '') return undefined
  if (typeof expected === 'number' || typeof actual === 'number') {
    const a = Number(actual)
    const b = Number(expected)
    return Number.isNaN(a) || Number.isNaN(b) ? undefined : Math.sign(a - b)
  }
  const a = String(actual)
  const b = String(expected)
  if (ISO_DATE.test(a) && ISO_DATE.test(b)) {
    const ta = Date.parse(a)
    const tb = Date.parse(b)
    if (!Number.isNaN(ta) && !Number.isNaN(tb)) return Math.sign(ta - tb)
  }
  return a < b ? -1 : a > b ? 1 : 0
}

/** An invalid pattern never matches: a typo in a definition must not crash a step. */
function compileRegex(pattern: string, flags: string | undefined): RegExp | undefined {
  try {
    return new RegExp(pattern, flags ?? '')
  } catch {
    return undefined
  }
}
