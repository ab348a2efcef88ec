import { describe, expect, test } from 'vitest'
import { conditionSchema } from './condition-schema.js'

const problems = (input: unknown): string[] => {
  const r = conditionSchema.safeParse(input)
  return r.success ? [] : r.error.issues.map((i) => `${i.code} at ${i.path.join('.')}`)
}

describe('conditionSchema', () => {
  test('groups nest field tests to any depth', () => {
    const c = {
      op: 'all',
      of: [
        { op: 'eq', field: 'Queue', value: 'Raw' },
        { op: 'any', of: [{ op: 'in', field: 'DynamicField_Category', values: ['a', 'b'] }, { op: 'not', of: { op: 'empty', field: 'Title' } }] },
        { op: 'one', of: [{ op: 'regex', field: 'Title', pattern: '^disk', flags: 'i' }, { op: 'gte', field: 'DynamicField_Count', value: 3 }] },
      ],
    }
    expect(conditionSchema.parse(c)).toEqual(c)
  })

  test('a field test names a known field', () => {
    expect(problems({ op: 'eq', field: 'Queu', value: 'Raw' })).toEqual(['invalid_union at field'])
    expect(problems({ op: 'eq', field: 'DynamicField_Has-Dash', value: 'x' })).toEqual(['invalid_union at field'])
  })

  test('a missing value says what a value is', () => {
    const r = conditionSchema.safeParse({ op: 'eq', field: 'Queue' })
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['value', 'expected a string, a number or a boolean']])
  })

  test('groups need at least one member, "in" at least one value', () => {
    expect(problems({ op: 'any', of: [] })).toEqual(['too_small at of'])
    expect(problems({ op: 'in', field: 'Queue', values: [] })).toEqual(['too_small at values'])
  })

  test('regex flags are limited to i, m, s, u (g and y make no sense for a test)', () => {
    expect(problems({ op: 'regex', field: 'Title', pattern: 'x', flags: 'g' })).toEqual(['invalid_format at flags'])
  })

  test('an unknown operator is rejected with the path of the nested test', () => {
    expect(problems({ op: 'all', of: [{ op: 'eq', field: 'Queue', value: 'Raw' }, { op: 'like', field: 'Title', value: 'x' }] })).toEqual([
      'invalid_union at of.1.op',
    ])
  })
})
