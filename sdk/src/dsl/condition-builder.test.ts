import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { conditionSchema } from '../definition/condition-schema.js'
import { all, any, field, not, one } from './condition-builder.js'

describe('conditions', () => {
  it('build plain condition trees', () => {
    const c = all(
      field('Queue').in(['Hardware', 'Software']),
      any(field('DynamicField_Escalations').gte(3), field('DynamicField_Vip').eq(true)),
      one(field('Title').regex('^urgent', 'i'), field('Title').contains('outage')),
      not(field('Owner').empty()),
      field('DynamicField_Due').gt(new Date('2026-01-01T00:00:00.000Z')),
      field('Title').regex(/down$/m),
      field('Priority').ne('1 very low'),
      field('DynamicField_Serial').notEmpty(),
      field('DynamicField_Escalations').lt(10),
      field('DynamicField_Escalations').lte(9),
    )
    expect(c).toEqual({
      op: 'all',
      of: [
        { op: 'in', field: 'Queue', values: ['Hardware', 'Software'] },
        {
          op: 'any',
          of: [
            { op: 'gte', field: 'DynamicField_Escalations', value: 3 },
            { op: 'eq', field: 'DynamicField_Vip', value: true },
          ],
        },
        {
          op: 'one',
          of: [
            { op: 'regex', field: 'Title', pattern: '^urgent', flags: 'i' },
            { op: 'contains', field: 'Title', value: 'outage' },
          ],
        },
        { op: 'not', of: { op: 'empty', field: 'Owner' } },
        { op: 'gt', field: 'DynamicField_Due', value: '2026-01-01T00:00:00.000Z' },
        { op: 'regex', field: 'Title', pattern: 'down$', flags: 'm' },
        { op: 'ne', field: 'Priority', value: '1 very low' },
        { op: 'notEmpty', field: 'DynamicField_Serial' },
        { op: 'lt', field: 'DynamicField_Escalations', value: 10 },
        { op: 'lte', field: 'DynamicField_Escalations', value: 9 },
      ],
    })
    expect(conditionSchema.parse(c)).toEqual(c)
  })

  it('write dates from another realm (a sandboxed process module) as ISO strings too', () => {
    const foreign = runInNewContext('new Date("2026-04-01T10:00:00.000Z")') as Date
    expect(foreign instanceof Date).toBe(false)
    expect(field('DynamicField_Due').gte(foreign)).toEqual({ op: 'gte', field: 'DynamicField_Due', value: '2026-04-01T10:00:00.000Z' })
  })
})
