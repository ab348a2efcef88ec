import type { Issue } from '../errors.js'
import { dynamicFieldName, isDynamicFieldRef, type FieldName, type FieldValue } from '../definition/fields.js'
import { checkRef, type RefKind } from './reference-check.js'
import { error, type IssuePath, type TargetIndex } from './rule-context.js'
import { unknownMessage } from './suggest.js'

/** The ticket fields whose values are names of things in the target. */
const FIELD_REFS: Partial<Record<FieldName, RefKind>> = {
  Queue: 'queue',
  State: 'state',
  Priority: 'priority',
  Type: 'type',
  Service: 'service',
  SLA: 'sla',
  Owner: 'user',
  Responsible: 'user',
  CustomerUser: 'customerUser',
}

const LOCK_VALUES = ['lock', 'unlock']

/** Where a value is used: compared in a condition, or written to the field. */
export type ValueUse = 'compare' | 'set'

type Shape = 'text' | 'integer' | 'boolean' | 'date' | 'datetime' | 'list'

const SHAPE_WORDS: Record<Shape, string> = {
  text: 'a string',
  integer: 'a whole number',
  boolean: 'true or false',
  date: 'a date string such as "2025-01-31"',
  datetime: 'a date-time string such as "2025-01-31T12:00:00Z"',
  list: 'a list of strings',
}

function fits(shape: Shape, value: FieldValue): boolean {
  switch (shape) {
    case 'text':
      return typeof value === 'string'
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value)
    case 'boolean':
      return typeof value === 'boolean' || value === 0 || value === 1
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)
    case 'datetime':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value)
    case 'list':
      return Array.isArray(value)
  }
}

function describe(value: FieldValue): string {
  if (Array.isArray(value)) return `the list ${JSON.stringify(value)}`
  return typeof value === 'string' ? `the string ${JSON.stringify(value)}` : `the ${typeof value} ${String(value)}`
}

/**
 * Checks one value against its field: its type (`CONDITION_TYPE` when compared, `WRONG_VALUE_TYPE`
 * when set), and that names of queues, states, … and Dropdown / Multiselect values exist. A field the
 * target does not know is reported by the caller, once; here it is skipped. `null` sets a field empty.
 */
export function checkFieldValue(
  target: TargetIndex,
  field: FieldName,
  value: FieldValue,
  path: IssuePath,
  use: ValueUse,
): Issue[] {
  if (value === null && use === 'set') return []
  const typeCode = use === 'compare' ? 'CONDITION_TYPE' : 'WRONG_VALUE_TYPE'
  const wrongType = (shape: Shape, kind: string): Issue[] => [
    error(typeCode, path, `${field} is ${kind}; use ${SHAPE_WORDS[shape]}, not ${describe(value)}`),
  ]
  if (!isDynamicFieldRef(field)) {
    const shape: Shape = field === 'PendingTime' ? 'datetime' : 'text'
    if (!fits(shape, value)) return wrongType(shape, field === 'PendingTime' ? 'a time' : 'a text field')
    const text = value as string
    if (field === 'Lock' && !LOCK_VALUES.includes(text)) {
      return [error('UNKNOWN_FIELD_VALUE', path, unknownMessage('lock value', text, LOCK_VALUES))]
    }
    const ref = FIELD_REFS[field]
    return ref === undefined ? [] : checkRef(target, ref, text, path)
  }
  const spec = target.dynamicFields.get(dynamicFieldName(field))
  if (spec === undefined) return []
  const kind = `${/^[AEIOU]/.test(spec.type) ? 'an' : 'a'} ${spec.type} field`
  switch (spec.type) {
    case 'Integer':
      return fits('integer', value) ? [] : wrongType('integer', kind)
    case 'Checkbox':
      return fits('boolean', value) ? [] : wrongType('boolean', kind)
    case 'Date':
      return fits('date', value) ? [] : wrongType('date', kind)
    case 'DateTime':
      return fits('datetime', value) ? [] : wrongType('datetime', kind)
    case 'Text':
    case 'TextArea':
      return fits('text', value) ? [] : wrongType('text', kind)
    case 'Dropdown':
    case 'Multiselect': {
      // A condition compares a Multiselect with one of its values; setting it writes a list.
      const shape: Shape = spec.type === 'Multiselect' && use === 'set' ? 'list' : 'text'
      if (!fits(shape, value)) return wrongType(shape, kind)
      const allowed = spec.values ?? []
      const values = Array.isArray(value) ? value : [value as string]
      return values.flatMap((v, i) =>
        allowed.includes(v)
          ? []
          : [error('UNKNOWN_FIELD_VALUE', Array.isArray(value) ? [...path, i] : path, unknownMessage(`value of ${field}`, v, allowed))],
      )
    }
  }
}
