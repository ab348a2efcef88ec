import type {
  CompareCondition,
  CompareOp,
  Condition,
  EmptyCondition,
  GroupCondition,
  InCondition,
  NotCondition,
  RegexCondition,
} from '../definition/condition-schema.js'
import type { Scalar } from '../definition/fields.js'
import type { FieldRef, FieldScalar } from './field-types.js'
import { isoIfDate } from './date-values.js'

/**
 * The tests on one field; each returns a plain {@link Condition}. Values are typed by the field:
 * target names for `Queue`, `State`, …, a Dropdown's values, numbers, booleans, ISO strings or `Date`.
 *
 * @example
 * ```ts
 * field('DynamicField_Category').in(['hardware', 'network'])
 * ```
 */
export interface FieldTest<F extends FieldRef> {
  /** The field equals `value`. */
  eq(value: FieldScalar<F>): CompareCondition
  /** The field does not equal `value`. */
  ne(value: FieldScalar<F>): CompareCondition
  /** The field is one of `values`. */
  in(values: readonly FieldScalar<F>[]): InCondition
  /** The field's text matches `pattern` (JavaScript syntax; flags `i`, `m`, `s`, `u`). */
  regex(pattern: string | RegExp, flags?: string): RegexCondition
  /** The field's text (or list) contains `value`. */
  contains(value: FieldScalar<F>): CompareCondition
  /** The field is greater than `value`. */
  gt(value: FieldScalar<F>): CompareCondition
  /** The field is greater than or equal to `value`. */
  gte(value: FieldScalar<F>): CompareCondition
  /** The field is less than `value`. */
  lt(value: FieldScalar<F>): CompareCondition
  /** The field is less than or equal to `value`. */
  lte(value: FieldScalar<F>): CompareCondition
  /** The field is unset, an empty string or an empty list. */
  empty(): EmptyCondition
  /** The field holds a value. */
  notEmpty(): EmptyCondition
}

/** Dates travel as ISO 8601 strings, so definitions stay plain JSON. */
function scalar(value: Scalar | Date): Scalar {
  return isoIfDate(value)
}

/**
 * Starts a condition on a ticket field (`Queue`, `State`, …, or `DynamicField_<Name>`).
 *
 * @example
 * ```ts
 * field('Queue').eq('Service Desk') // { op: 'eq', field: 'Queue', value: 'Service Desk' }
 * ```
 */
export function field<const F extends FieldRef>(name: F): FieldTest<F> {
  const compare =
    (op: CompareOp) =>
    (value: FieldScalar<F>): CompareCondition => ({ op, field: name, value: scalar(value) })
  return {
    eq: compare('eq'),
    ne: compare('ne'),
    in: (values) => ({ op: 'in', field: name, values: values.map((v) => scalar(v)) }),
    regex: (pattern, flags) => {
      const source = typeof pattern === 'string' ? pattern : pattern.source
      const f = flags ?? (typeof pattern === 'string' ? undefined : pattern.flags || undefined)
      return f === undefined ? { op: 'regex', field: name, pattern: source } : { op: 'regex', field: name, pattern: source, flags: f }
    },
    contains: compare('contains'),
    gt: compare('gt'),
    gte: compare('gte'),
    lt: compare('lt'),
    lte: compare('lte'),
    empty: () => ({ op: 'empty', field: name }),
    notEmpty: () => ({ op: 'notEmpty', field: name }),
  }
}

/**
 * All of the conditions hold.
 *
 * @example
 * ```ts
 * all(field('Queue').eq('Hardware'), field('Priority').ne('1 very low'))
 * ```
 */
export function all(...conditions: [Condition, ...Condition[]]): GroupCondition {
  return { op: 'all', of: conditions }
}

/**
 * At least one of the conditions holds.
 *
 * @example
 * ```ts
 * any(field('State').eq('new'), field('State').eq('open'))
 * ```
 */
export function any(...conditions: [Condition, ...Condition[]]): GroupCondition {
  return { op: 'any', of: conditions }
}

/**
 * Exactly one of the conditions holds (xor).
 *
 * @example
 * ```ts
 * one(field('DynamicField_Vip').eq(true), field('Priority').eq('5 very high'))
 * ```
 */
export function one(...conditions: [Condition, ...Condition[]]): GroupCondition {
  return { op: 'one', of: conditions }
}

/**
 * The condition does not hold.
 *
 * @example
 * ```ts
 * not(field('Owner').empty())
 * ```
 */
export function not(condition: Condition): NotCondition {
  return { op: 'not', of: condition }
}
