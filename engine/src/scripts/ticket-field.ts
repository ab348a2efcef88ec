import { z } from 'zod'
import { DYNAMIC_FIELD_PREFIX, TICKET_FIELDS, type FieldValue } from '@ablauf/sdk/definition'
import type { ScriptContext } from './script-types.js'

const FIELD_RE = new RegExp(`^(?:${TICKET_FIELDS.join('|')}|${DYNAMIC_FIELD_PREFIX}[A-Za-z0-9]+)$`)

/** A script parameter naming a ticket field (`Title`, `DynamicField_Category`); published as `field`. */
export function fieldParam(description?: string): z.ZodString {
  const schema = z.string().regex(FIELD_RE, 'a ticket field such as "Title" or "DynamicField_Category"')
  return schema.meta({ 'x-ablauf-type': 'field', ...(description === undefined ? {} : { description }) })
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
