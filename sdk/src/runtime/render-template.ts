import { parsePlaceholders, type FieldValue } from '../definition/index.js'
import type { Person, TemplateContext, TicketSnapshot } from './runtime-types.js'

/**
 * Replaces the placeholders of a text value. Unknown or missing values render as an empty string
 * (the compiler has already rejected malformed placeholders); list values are joined with `, `.
 *
 * @example
 * ```ts
 * renderTemplate('Re: {{ticket.Title}} ({{ticket.DynamicField.Category}}) for {{customer.Email}}', {
 *   ticket, process: { id: 'incident-triage', name: 'Incident triage', activity: 'confirm' }, env,
 * }) // 'Re: Laptop broken (hardware) for jane@example.com'
 * ```
 */
export function renderTemplate(text: string, ctx: TemplateContext): string {
  const placeholders = parsePlaceholders(text)
  if (placeholders.length === 0) return text
  let out = ''
  let last = 0
  for (const p of placeholders) {
    out += text.slice(last, p.index) + resolve(p.path, ctx)
    last = p.index + p.raw.length
  }
  return out + text.slice(last)
}

function resolve(path: string[], ctx: TemplateContext): string {
  const [root, first, second] = path
  if (first === undefined) return ''
  switch (root) {
    case 'ticket':
      if (first === 'DynamicField') return second === undefined ? '' : show(ctx.ticket.DynamicField[second])
      return show(ticketField(ctx.ticket, first))
    case 'process':
      if (first === 'ID') return ctx.process.id
      if (first === 'Name') return ctx.process.name
      if (first === 'Activity') return ctx.process.activity ?? ''
      return ''
    case 'customer':
      return personField(ctx, ctx.ticket.CustomerUser, 'customer', first)
    case 'owner':
      return personField(ctx, ctx.ticket.Owner, 'user', first)
    case 'responsible':
      return personField(ctx, ctx.ticket.Responsible, 'user', first)
    default:
      return ''
  }
}

function ticketField(ticket: TicketSnapshot, field: string): FieldValue | undefined {
  if (field === 'TicketNumber') return ticket.number
  if (field === 'TicketID') return ticket.id
  if (field === 'DynamicField' || field === 'test' || field === 'id' || field === 'number') return undefined
  const value: unknown = (ticket as unknown as Record<string, unknown>)[field]
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined
}

function personField(ctx: TemplateContext, login: string | null, kind: 'user' | 'customer', field: string): string {
  if (login === null) return ''
  const person = ctx.env?.person(login, kind)
  // The login (and a customer's id) are on the ticket itself, so they render even without a directory.
  if (field === 'Login') return person?.Login ?? login
  if (field === 'CustomerID' && kind === 'customer') return person?.CustomerID ?? ctx.ticket.CustomerID ?? ''
  if (person === undefined || !isPersonField(field)) return ''
  return person[field] ?? ''
}

function isPersonField(field: string): field is keyof Person {
  return field === 'Email' || field === 'FirstName' || field === 'LastName' || field === 'CustomerID' || field === 'Login'
}

function show(value: FieldValue | undefined): string {
  if (value === null || value === undefined) return ''
  return Array.isArray(value) ? value.join(', ') : String(value)
}
