import { TICKET_FIELDS, type FieldName } from '@ablauf/sdk/definition'

/** Znuny ticket-hash keys whose name differs from ours. */
const ZNUNY_TO_FIELD: Record<string, FieldName> = { CustomerUserID: 'CustomerUser' }
const FIELD_TO_ZNUNY: Partial<Record<FieldName, string>> = { CustomerUser: 'CustomerUserID' }

/** Our fields a Znuny transition condition cannot test. */
const NOT_TESTABLE_IN_ZNUNY = new Set<string>(['Article', 'PendingTime'])

/**
 * Our field for a Znuny condition key (`CustomerUserID` → `CustomerUser`), or `undefined` when Ablauf
 * has no such field (`QueueID`, `PriorityID`, …).
 */
export function fieldFromZnunyKey(key: string): FieldName | undefined {
  const mapped = ZNUNY_TO_FIELD[key]
  if (mapped) return mapped
  if (/^DynamicField_[A-Za-z0-9]+$/.test(key)) return key as FieldName
  if (key === 'Article' || key === 'PendingTime') return undefined
  return (TICKET_FIELDS as readonly string[]).includes(key) ? (key as FieldName) : undefined
}

/** The Znuny condition key of one of our fields, or `undefined` when Znuny cannot test it. */
export function znunyKeyFromField(field: FieldName): string | undefined {
  if (NOT_TESTABLE_IN_ZNUNY.has(field)) return undefined
  return FIELD_TO_ZNUNY[field] ?? field
}

/** Our field for a Znuny dialog field name (dialogs use our names, Article and PendingTime included). */
export function dialogFieldFromZnuny(key: string): FieldName | undefined {
  if (/^DynamicField_[A-Za-z0-9]+$/.test(key)) return key as FieldName
  return (TICKET_FIELDS as readonly string[]).includes(key) ? (key as FieldName) : undefined
}
