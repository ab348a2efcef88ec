import { describe, expect, test } from 'vitest'
import { validateDefinition } from './validate-definition.js'
import { testTarget } from './fixtures/test-target.js'
import { changed, summary } from './fixtures/test-definitions.js'

const withCondition = (condition: unknown) =>
  changed((d) => {
    d.transitions[0]!.condition = condition
  })

describe('condition rules', () => {
  test('REGEX_INVALID: a pattern that does not compile', () => {
    const def = withCondition({ op: 'all', of: [{ op: 'notEmpty', field: 'Title' }, { op: 'regex', field: 'Title', pattern: '([a-z' }] })
    const issues = validateDefinition(def)
    expect(summary(issues)).toEqual(['REGEX_INVALID at transitions.0.condition.of.1.pattern'])
    expect(issues[0]?.message).toMatch(/^the pattern \/\(\[a-z\/ does not compile/)
  })

  test('a valid pattern with flags passes', () => {
    expect(validateDefinition(withCondition({ op: 'regex', field: 'Title', pattern: '^disk\\s+full$', flags: 'iu' }), { target: testTarget })).toEqual([])
  })

  test('values of built-in fields name what the target has, with a suggestion', () => {
    const def = changed((d) => {
      d.start = { on: 'ticket.created', activity: 'classify', when: { op: 'eq', field: 'Queue', value: 'Servce Desk' } }
      d.transitions[0]!.condition = {
        op: 'any',
        of: [
          { op: 'in', field: 'State', values: ['open', 'closd successful'] },
          { op: 'not', of: { op: 'eq', field: 'Priority', value: '5 very hihg' } },
          { op: 'eq', field: 'Owner', value: 'jdeo' },
          { op: 'eq', field: 'Type', value: 'Incdent' },
          { op: 'eq', field: 'Service', value: 'email' },
          { op: 'eq', field: 'SLA', value: 'Gld' },
          { op: 'eq', field: 'CustomerUser', value: 'cust2' },
          { op: 'eq', field: 'Lock', value: 'locked' },
        ],
      }
    })
    const issues = validateDefinition(def, { target: testTarget })
    expect(summary(issues)).toEqual([
      'UNKNOWN_QUEUE at start.when.value',
      'UNKNOWN_STATE at transitions.0.condition.of.0.values.1',
      'UNKNOWN_PRIORITY at transitions.0.condition.of.1.of.value',
      'UNKNOWN_USER at transitions.0.condition.of.2.value',
      'UNKNOWN_TYPE at transitions.0.condition.of.3.value',
      'UNKNOWN_SERVICE at transitions.0.condition.of.4.value',
      'UNKNOWN_SLA at transitions.0.condition.of.5.value',
      'UNKNOWN_CUSTOMER_USER at transitions.0.condition.of.6.value',
      'UNKNOWN_FIELD_VALUE at transitions.0.condition.of.7.value',
    ])
    expect(issues[0]?.message).toBe('unknown queue "Servce Desk" — did you mean "Service Desk"?')
    expect(issues[5]?.message).toBe('unknown service "email" — did you mean "Email"?')
  })

  test('UNKNOWN_DYNAMIC_FIELD and UNKNOWN_FIELD_VALUE for dynamic fields', () => {
    const def = withCondition({
      op: 'all',
      of: [
        { op: 'eq', field: 'DynamicField_Catgory', value: 'hardware' },
        { op: 'eq', field: 'DynamicField_Category', value: 'hardwear' },
        { op: 'contains', field: 'DynamicField_Tags', value: 'vipp' },
      ],
    })
    const issues = validateDefinition(def, { target: testTarget })
    expect(summary(issues)).toEqual([
      'UNKNOWN_DYNAMIC_FIELD at transitions.0.condition.of.0.field',
      'UNKNOWN_FIELD_VALUE at transitions.0.condition.of.1.value',
      'UNKNOWN_FIELD_VALUE at transitions.0.condition.of.2.value',
    ])
    expect(issues[1]?.message).toBe('unknown value of DynamicField_Category "hardwear" — did you mean "hardware"?')
  })

  test('CONDITION_TYPE: a value of the wrong type for its field', () => {
    const def = withCondition({
      op: 'all',
      of: [
        { op: 'gt', field: 'DynamicField_Count', value: '5' },
        { op: 'eq', field: 'DynamicField_Urgent', value: 'yes' },
        { op: 'lt', field: 'DynamicField_DueDate', value: 20250101 },
        { op: 'eq', field: 'Queue', value: 3 },
        { op: 'contains', field: 'Title', value: 7 },
      ],
    })
    const issues = validateDefinition(def, { target: testTarget })
    expect(summary(issues)).toEqual([0, 1, 2, 3, 4].map((n) => `CONDITION_TYPE at transitions.0.condition.of.${n}.value`))
    expect(issues[0]?.message).toBe('DynamicField_Count is an Integer field; use a whole number, not the string "5"')
  })

  test('well-typed values and substring tests pass', () => {
    const def = withCondition({
      op: 'one',
      of: [
        { op: 'gte', field: 'DynamicField_Count', value: 5 },
        { op: 'eq', field: 'DynamicField_Urgent', value: true },
        { op: 'lt', field: 'DynamicField_EscalatedAt', value: '2025-01-31T12:00:00Z' },
        { op: 'contains', field: 'Queue', value: 'Desk' },
        { op: 'empty', field: 'DynamicField_Warranty' },
      ],
    })
    expect(validateDefinition(def, { target: testTarget })).toEqual([])
  })

  test('without a target, names are not checked', () => {
    expect(validateDefinition(withCondition({ op: 'eq', field: 'DynamicField_Nope', value: 1 }))).toEqual([])
  })
})
