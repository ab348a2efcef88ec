import { z } from 'zod'
import { fieldNameSchema, scalarSchema, type FieldName, type Scalar } from './fields.js'

/** Comparison operators of a field test. */
export const COMPARE_OPS = ['eq', 'ne', 'contains', 'gt', 'gte', 'lt', 'lte'] as const
export type CompareOp = (typeof COMPARE_OPS)[number]

/** `{ op: 'eq', field: 'Queue', value: 'Service Desk' }` and friends. */
export interface CompareCondition {
  op: CompareOp
  field: FieldName
  value: Scalar
}
/** The field's value is one of `values`. */
export interface InCondition {
  op: 'in'
  field: FieldName
  values: Scalar[]
}
/** The field's text matches a regular expression (JavaScript syntax). */
export interface RegexCondition {
  op: 'regex'
  field: FieldName
  pattern: string
  flags?: string
}
/** The field is empty (unset, empty string or empty list) or not. */
export interface EmptyCondition {
  op: 'empty' | 'notEmpty'
  field: FieldName
}
/** All / any / exactly one (xor) of the nested conditions hold. */
export interface GroupCondition {
  op: 'all' | 'any' | 'one'
  of: Condition[]
}
/** The nested condition does not hold. */
export interface NotCondition {
  op: 'not'
  of: Condition
}

/** A transition or start condition: a tree of groups over field tests. */
export type Condition =
  | CompareCondition
  | InCondition
  | RegexCondition
  | EmptyCondition
  | GroupCondition
  | NotCondition

const compare = z.strictObject({ op: z.enum(COMPARE_OPS), field: fieldNameSchema, value: scalarSchema })
const inList = z.strictObject({ op: z.literal('in'), field: fieldNameSchema, values: z.array(scalarSchema).min(1) })
const regex = z.strictObject({
  op: z.literal('regex'),
  field: fieldNameSchema,
  pattern: z.string().min(1),
  flags: z.string().regex(/^[imsu]*$/, 'regex flags may be i, m, s, u').optional(),
})
const empty = z.strictObject({ op: z.enum(['empty', 'notEmpty']), field: fieldNameSchema })

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('op', [
    compare,
    inList,
    regex,
    empty,
    z.strictObject({ op: z.enum(['all', 'any', 'one']), of: z.array(conditionSchema).min(1) }),
    z.strictObject({ op: z.literal('not'), of: conditionSchema }),
  ]),
) as z.ZodType<Condition>
