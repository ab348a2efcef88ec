import { z } from 'zod'

/**
 * The ticket fields a dialog can show and a condition can test, in Znuny's own names.
 * Dynamic fields are addressed as `DynamicField_<Name>`.
 *
 * @example
 * ```ts
 * TICKET_FIELDS.includes('Queue') // true
 * ```
 */
export const TICKET_FIELDS = [
  'Title',
  'Queue',
  'State',
  'Priority',
  'Type',
  'Service',
  'SLA',
  'Owner',
  'Responsible',
  'CustomerUser',
  'CustomerID',
  'Lock',
  'PendingTime',
  'Article',
] as const

/** A built-in ticket field. */
export type TicketField = (typeof TICKET_FIELDS)[number]

/** A dynamic field reference as used in dialogs and conditions: `DynamicField_<Name>`. */
export type DynamicFieldRef = `DynamicField_${string}`

/** Any field of a ticket: built-in or dynamic. */
export type FieldName = TicketField | DynamicFieldRef

/** The prefix of dynamic field references. */
export const DYNAMIC_FIELD_PREFIX = 'DynamicField_'

/** Dynamic field names: Znuny allows letters and digits only. */
export const dynamicFieldNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9]+$/, 'a dynamic field name has letters and digits only (Znuny\'s rule)')

/** A field name: a built-in ticket field or `DynamicField_<Name>`. */
export const fieldNameSchema = z.union(
  [z.enum(TICKET_FIELDS), z.templateLiteral([DYNAMIC_FIELD_PREFIX, z.string().regex(/^[A-Za-z0-9]+$/)])],
  { error: `use a ticket field (${TICKET_FIELDS.join(', ')}) or DynamicField_<Name> with letters and digits only` },
) as z.ZodType<FieldName>

/** A scalar a condition compares with; dates are ISO 8601 strings. */
export const scalarSchema = z.union([z.string(), z.number(), z.boolean()], { error: 'expected a string, a number or a boolean' })
export type Scalar = z.infer<typeof scalarSchema>

/** A field value as stored on a ticket (Multiselect holds a list). */
export const fieldValueSchema = z.union([scalarSchema, z.array(z.string()), z.null()])
export type FieldValue = z.infer<typeof fieldValueSchema>

/** True when `name` addresses a dynamic field. */
export function isDynamicFieldRef(name: string): name is DynamicFieldRef {
  return name.startsWith(DYNAMIC_FIELD_PREFIX)
}

/** `DynamicField_Category` → `Category`. */
export function dynamicFieldName(ref: DynamicFieldRef): string {
  return ref.slice(DYNAMIC_FIELD_PREFIX.length)
}

/** Stable ids of processes, activities, dialogs and transitions: kebab-case. */
export const idSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use kebab-case: lower-case letters, digits and single dashes, e.g. "check-warranty"')
