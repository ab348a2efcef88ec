import { AblaufError } from '../errors.js'
import { DYNAMIC_FIELD_PREFIX, TICKET_FIELDS, type FieldValue } from '../definition/index.js'
import type { TicketChanges, TicketSnapshot } from './runtime-types.js'

type BuiltInField = keyof TicketChanges['fields']

/**
 * One field that changed value, for `field.changed` history rows.
 *
 * @example
 * ```ts
 * const change: FieldChange = { field: 'DynamicField_Category', from: null, to: 'hardware' }
 * ```
 */
export interface FieldChange {
  field: string
  from: FieldValue
  to: FieldValue
}

/**
 * The value of a field by its Znuny name: `Queue`, `DynamicField_Category` (read from
 * `ticket.DynamicField.Category`). `Article` is not a ticket value and reads as empty.
 *
 * @example
 * ```ts
 * readField(ticket, 'DynamicField_Category') // 'hardware'
 * readField(ticket, 'Article')               // null
 * ```
 */
export function readField(ticket: TicketSnapshot, field: string): FieldValue {
  if (field.startsWith(DYNAMIC_FIELD_PREFIX)) return ticket.DynamicField[field.slice(DYNAMIC_FIELD_PREFIX.length)] ?? null
  if (field === 'Article' || !isBuiltInField(field)) return null
  return ticket[field] ?? null
}

/**
 * Unset, `''` and `[]` are empty — what `empty` conditions and required dialog fields test.
 *
 * @example
 * ```ts
 * isEmptyValue([]) // true
 * isEmptyValue(0)  // false
 * ```
 */
export function isEmptyValue(value: FieldValue | undefined): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
}

function isBuiltInField(field: string): field is BuiltInField {
  return field !== 'Article' && (TICKET_FIELDS as readonly string[]).includes(field)
}

/**
 * Field values by Znuny name (`Title`, `DynamicField_X`) as ticket changes. Built-in fields take text
 * or `null`; anything else is a caller's mistake (`BAD_REQUEST`).
 *
 * @example
 * ```ts
 * changesFromValues({ Queue: 'Hardware', DynamicField_Category: 'hardware' })
 * // { fields: { Queue: 'Hardware' }, dynamicFields: { Category: 'hardware' } }
 * ```
 */
export function changesFromValues(values: Record<string, FieldValue>): TicketChanges {
  const changes: TicketChanges = { fields: {}, dynamicFields: {} }
  for (const [field, value] of Object.entries(values)) {
    if (field.startsWith(DYNAMIC_FIELD_PREFIX)) {
      changes.dynamicFields[field.slice(DYNAMIC_FIELD_PREFIX.length)] = value
      continue
    }
    if (!isBuiltInField(field)) throw new AblaufError('BAD_REQUEST', `"${field}" is not a ticket field`, { field })
    if (value !== null && typeof value !== 'string') {
      throw new AblaufError('BAD_REQUEST', `${field} takes text, got ${JSON.stringify(value)}`, { field })
    }
    if (field === 'Lock') {
      if (value !== 'lock' && value !== 'unlock') throw new AblaufError('BAD_REQUEST', 'Lock is "lock" or "unlock"', { field })
      changes.fields.Lock = value
    } else if (field === 'Title' || field === 'Queue' || field === 'State' || field === 'Priority') {
      if (value === null) throw new AblaufError('BAD_REQUEST', `${field} cannot be cleared`, { field })
      changes.fields[field] = value
    } else {
      changes.fields[field] = value
    }
  }
  return changes
}

/** True when the changes name at least one field. */
export function hasChanges(changes: TicketChanges): boolean {
  return Object.keys(changes.fields).length > 0 || Object.keys(changes.dynamicFields).length > 0
}

/**
 * A new ticket with `changes` applied (the input is not touched), and the fields whose value really
 * changed — what the engine's ticket store does with a `ticket.update` effect.
 *
 * @example
 * ```ts
 * const { ticket: next, changed } = applyChanges(ticket, effect.changes)
 * changed // [{ field: 'Queue', from: 'Service Desk', to: 'Hardware' }]
 * ```
 */
export function applyChanges(ticket: TicketSnapshot, changes: TicketChanges): { ticket: TicketSnapshot; changed: FieldChange[] } {
  const changed: FieldChange[] = []
  const next: TicketSnapshot = { ...ticket, DynamicField: { ...ticket.DynamicField } }
  for (const [field, to] of Object.entries(changes.fields) as [BuiltInField, FieldValue][]) {
    const from = ticket[field] ?? null
    if (!sameValue(from, to)) changed.push({ field, from, to })
    Object.assign(next, { [field]: to })
  }
  for (const [name, to] of Object.entries(changes.dynamicFields)) {
    const from = ticket.DynamicField[name] ?? null
    if (!sameValue(from, to)) changed.push({ field: `${DYNAMIC_FIELD_PREFIX}${name}`, from, to })
    next.DynamicField[name] = to
  }
  return { ticket: next, changed }
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i])
  return a === b
}
