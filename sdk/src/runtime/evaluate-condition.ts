import type { Condition } from '../definition/index.js'
import { fieldTestHolds } from './field-test.js'
import type { ConditionTrace, TicketSnapshot } from './runtime-types.js'
import { readField } from './ticket-fields.js'

/**
 * Whether a transition or start condition holds for a ticket. Field names are Znuny's
 * (`Queue`, `DynamicField_Category`); groups are `all`, `any`, `one` (exactly one) and `not`.
 * Never throws: an invalid regex simply does not match.
 *
 * @example
 * ```ts
 * evaluateCondition({ op: 'eq', field: 'Queue', value: 'Service Desk' }, ticket) // true
 * evaluateCondition({ op: 'one', of: [a, b] }, ticket) // a xor b
 * ```
 */
export function evaluateCondition(condition: Condition, ticket: TicketSnapshot): boolean {
  switch (condition.op) {
    case 'all':
      return condition.of.every((c) => evaluateCondition(c, ticket))
    case 'any':
      return condition.of.some((c) => evaluateCondition(c, ticket))
    case 'one':
      return condition.of.filter((c) => evaluateCondition(c, ticket)).length === 1
    case 'not':
      return !evaluateCondition(condition.of, ticket)
    default:
      return fieldTestHolds(condition, readField(ticket, condition.field))
  }
}

/**
 * Like {@link evaluateCondition}, but returns every node's result with the values it saw — the
 * material for a "why did this transition (not) fire" log line.
 *
 * @example
 * ```ts
 * const trace = traceCondition({ op: 'all', of: [isHardware, isUrgent] }, ticket)
 * trace.result                 // false
 * trace.children?.[1]          // { op: 'eq', field: 'Priority', actual: '3 normal', expected: '1 very high', result: false }
 * ```
 */
export function traceCondition(condition: Condition, ticket: TicketSnapshot): ConditionTrace {
  switch (condition.op) {
    case 'all':
    case 'any':
    case 'one': {
      const children = condition.of.map((c) => traceCondition(c, ticket))
      const held = children.filter((c) => c.result).length
      const result = condition.op === 'all' ? held === children.length : condition.op === 'any' ? held > 0 : held === 1
      return { op: condition.op, result, children }
    }
    case 'not': {
      const child = traceCondition(condition.of, ticket)
      return { op: 'not', result: !child.result, children: [child] }
    }
    default: {
      const actual = readField(ticket, condition.field)
      const result = fieldTestHolds(condition, actual)
      const trace: ConditionTrace = { op: condition.op, field: condition.field, actual, result }
      if (condition.op === 'in') trace.expected = condition.values
      else if (condition.op === 'regex') trace.expected = condition.pattern
      else if ('value' in condition) trace.expected = condition.value
      return trace
    }
  }
}
