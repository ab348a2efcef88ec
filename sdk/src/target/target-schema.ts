import { z } from 'zod'

/** The API version of a target snapshot. */
export const TARGET_API_VERSION = 'ablauf/target-v1'

const name = z.string().min(1).max(250)

/** Znuny's state types. */
export const stateTypeSchema = z.enum(['new', 'open', 'closed', 'pending reminder', 'pending auto', 'removed', 'merged'])
export type StateType = z.infer<typeof stateTypeSchema>

/** Dynamic field types, as Znuny names them. */
export const dynamicFieldTypeSchema = z.enum(['Text', 'TextArea', 'Dropdown', 'Multiselect', 'Checkbox', 'Date', 'DateTime', 'Integer'])
export type DynamicFieldType = z.infer<typeof dynamicFieldTypeSchema>

/**
 * A small, JSON-able description of a value: the shape of a script parameter or of an invoker's
 * request/response field.
 */
export interface ValueSpec {
  type: 'string' | 'number' | 'integer' | 'boolean' | 'date' | 'datetime' | 'object' | 'array' | 'field' | 'any'
  required?: boolean
  description?: string
  /** Allowed values (an enum). */
  values?: string[]
  /** Element shape of an array. */
  items?: ValueSpec
  /** Properties of an object. */
  properties?: Record<string, ValueSpec>
  /** With type `any`: the value fits one of these (a field, or a list of fields). */
  anyOf?: ValueSpec[]
  /** `template`: a text with placeholders (`{{ticket.Title}}`), checked like an e-mail text. */
  format?: 'template'
  /**
   * The value is written to the ticket field named by one of these sibling parameters (the innermost
   * object first, then the enclosing ones), so it must fit that field: a Dropdown value it has, a
   * queue that exists, a whole number for an Integer field.
   */
  fieldFrom?: string[]
}
export const valueSpecSchema: z.ZodType<ValueSpec> = z.lazy(() =>
  z.strictObject({
    type: z.enum(['string', 'number', 'integer', 'boolean', 'date', 'datetime', 'object', 'array', 'field', 'any']),
    required: z.boolean().optional(),
    description: z.string().optional(),
    values: z.array(z.string()).optional(),
    items: valueSpecSchema.optional(),
    properties: z.record(z.string(), valueSpecSchema).optional(),
    anyOf: z.array(valueSpecSchema).min(2).optional(),
    format: z.literal('template').optional(),
    fieldFrom: z.array(z.string().min(1)).min(1).optional(),
  }),
) as z.ZodType<ValueSpec>

export const targetSnapshotSchema = z.strictObject({
  apiVersion: z.literal(TARGET_API_VERSION),
  /** A label for the target, e.g. `demo` or `production`. */
  name: z.string().min(1).max(100).default('default'),
  queues: z.array(z.strictObject({ name, description: z.string().optional() })),
  states: z.array(z.strictObject({ name, type: stateTypeSchema })),
  priorities: z.array(z.strictObject({ name })),
  types: z.array(z.strictObject({ name })),
  services: z.array(z.strictObject({ name })).default([]),
  slas: z.array(z.strictObject({ name, services: z.array(name).default([]) })).default([]),
  users: z.array(
    z.strictObject({
      login: name,
      firstName: z.string().default(''),
      lastName: z.string().default(''),
      email: z.string().default(''),
      roles: z.array(name).default([]),
    }),
  ),
  customerUsers: z
    .array(
      z.strictObject({
        login: name,
        customerId: name,
        firstName: z.string().default(''),
        lastName: z.string().default(''),
        email: z.string().default(''),
      }),
    )
    .default([]),
  roles: z.array(
    z.strictObject({
      name,
      /** Queues the role's members may work on (Znuny's role/group permissions, simplified to queues). */
      queues: z.array(name).default([]),
    }),
  ),
  dynamicFields: z.array(
    z.strictObject({
      name: z.string().regex(/^[A-Za-z0-9]+$/),
      label: z.string().default(''),
      type: dynamicFieldTypeSchema,
      /** Allowed values of Dropdown and Multiselect fields. */
      values: z.array(z.string()).optional(),
    }),
  ),
  webServices: z
    .array(
      z.strictObject({
        name,
        description: z.string().optional(),
        invokers: z.array(
          z.strictObject({
            name,
            description: z.string().optional(),
            input: z.record(z.string(), valueSpecSchema).default({}),
            output: z.record(z.string(), valueSpecSchema).default({}),
          }),
        ),
      }),
    )
    .default([]),
  scripts: z
    .array(
      z.strictObject({
        name,
        description: z.string().optional(),
        params: z.record(z.string(), valueSpecSchema).default({}),
      }),
    )
    .default([]),
  emailTemplates: z.array(z.strictObject({ name, subject: z.string().optional(), body: z.string().optional() })).default([]),
})

/** What an engine offers processes: queues, states, users, dynamic fields, web services, scripts, … */
export type TargetSnapshot = z.infer<typeof targetSnapshotSchema>
export type TargetSnapshotInput = z.input<typeof targetSnapshotSchema>
