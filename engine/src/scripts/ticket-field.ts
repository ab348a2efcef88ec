import { z } from 'zod'
import { DYNAMIC_FIELD_PREFIX, TICKET_FIELDS, fieldValueSchema, type FieldValue } from '@ablauf/sdk/definition'
import type { ScriptContext } from './script-types.js'

const FIELD_RE = new RegExp(`^(?:${TICKET_FIELDS.join('|')}|${DYNAMIC_FIELD_PREFIX}[A-Za-z0-9]+)$`)

/** A script parameter naming a ticket field (`Title`, `DynamicField_Category`); published as `field`. */
export function fieldParam(description?: string): z.ZodString {
  const schema = z.string().regex(FIELD_RE, 'a ticket field such as "Title" or "DynamicField_Category"')
  return schema.meta({ 'x-ablauf-type': 'field', ...(description === undefined ? {} : { description }) })
}

/**
 * A script parameter holding a value the script writes to the field named by a sibling parameter
 * (`fieldFrom`, innermost object first), published as `fieldFrom` so that a deployment checks the value
 * against that field: `fieldValueParam(['field', 'target'])` in a rule `{ field?, value }` of a script
 * with a `target`.
 */
export function fieldValueParam(fieldFrom: [string, ...string[]], description?: string): z.ZodType<FieldValue> {
  return fieldValueSchema.meta({ 'x-ablauf-field-from': fieldFrom, ...(description === undefined ? {} : { description }) })
}

/** A text with placeholders (`{{ticket.Title}}`); published as a `template` string, checked on deployment. */
export function templateParam(description?: string): z.ZodString {
  return z.string().max(100_000).meta({ 'x-ablauf-type': 'template', ...(description === undefined ? {} : { description }) })
}

/** The value of a field by its Znuny name; `Article` reads the subjects and bodies of the ticket's articles. */
export function readTicketField(field: string, ctx: Pick<ScriptContext, 'ticket' | 'articles'>): FieldValue {
  if (field.startsWith(DYNAMIC_FIELD_PREFIX)) return ctx.ticket.DynamicField[field.slice(DYNAMIC_FIELD_PREFIX.length)] ?? null
  if (field === 'Article') return (ctx.articles ?? []).map((a) => `${a.subject}\n${a.body}`).join('\n')
  const value: unknown = (ctx.ticket as unknown as Record<string, unknown>)[field]
  return isFieldValue(value) ? value : null
}

/** A field value as text for matching and rendering: lists joined by `, `, empty as `''`. */
export function fieldText(value: FieldValue): string {
  if (value === null) return ''
  return Array.isArray(value) ? value.join(', ') : String(value)
}

function isFieldValue(value: unknown): value is FieldValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value) || Array.isArray(value)
}
