import type { JsonValue } from '../definition/activity-schema.js'
import { TICKET_FIELDS, dynamicFieldName, fieldNameSchema, fieldValueSchema, isDynamicFieldRef } from '../definition/fields.js'
import type { Issue } from '../errors.js'
import type { TargetSnapshot, ValueSpec } from '../target/target-schema.js'
import { checkFieldValue } from './field-value-check.js'
import { checkPlaceholders } from './placeholder-rules.js'
import { checkDynamicField } from './reference-check.js'
import { error, type IssuePath, type TargetIndex } from './rule-context.js'
import { unknownMessage } from './suggest.js'

type ScriptSpec = TargetSnapshot['scripts'][number]

/** A script's parameters: each declared, each required one present, each of its declared type. */
export function checkScriptParams(t: TargetIndex, script: ScriptSpec, params: Record<string, JsonValue>, path: IssuePath): Issue[] {
  const declared = Object.keys(script.params)
  const out: Issue[] = []
  for (const [name, value] of Object.entries(params)) {
    const spec = Object.hasOwn(script.params, name) ? script.params[name] : undefined
    if (spec === undefined) {
      out.push(error('UNKNOWN_SCRIPT_PARAM', [...path, name], unknownMessage('parameter', name, declared, ` of script "${script.name}"`)))
    } else {
      out.push(...checkValue(t, spec, value, [...path, name], name, [params]))
    }
  }
  for (const [name, spec] of Object.entries(script.params)) {
    if (spec.required === true && !(name in params)) {
      out.push(error('MISSING_SCRIPT_PARAM', path, `script "${script.name}" needs the parameter "${name}"${spec.description ? ` (${spec.description})` : ''}; add it to params`))
    }
  }
  return out
}

function kindOf(value: JsonValue): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  return typeof value === 'object' ? 'an object' : `the ${typeof value} ${JSON.stringify(value)}`
}

function fitsType(spec: ValueSpec, value: JsonValue): boolean {
  switch (spec.type) {
    case 'string':
    case 'field':
      return typeof value === 'string'
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)
    case 'datetime':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(value)
    case 'number':
      return typeof value === 'number'
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value)
    case 'boolean':
      return typeof value === 'boolean'
    case 'array':
      return Array.isArray(value)
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
    case 'any':
      return true
  }
}

/** `scopes`: the objects enclosing `value`, outermost first, where `fieldFrom` looks for the field's name. */
function checkValue(t: TargetIndex, spec: ValueSpec, value: JsonValue, path: IssuePath, name: string, scopes: readonly Record<string, JsonValue>[]): Issue[] {
  if (spec.anyOf !== undefined) {
    const variant = spec.anyOf.find((v) => fitsType(v, value))
    if (variant === undefined) {
      return [error('SCRIPT_PARAM_TYPE', path, `parameter "${name}" is ${spec.anyOf.map((v) => `${/^[aeiou]/.test(v.type) ? 'an' : 'a'} ${v.type}`).join(' or ')}; ${kindOf(value)} does not fit`)]
    }
    return checkValue(t, variant, value, path, name, scopes)
  }
  if (!fitsType(spec, value)) {
    return [error('SCRIPT_PARAM_TYPE', path, `parameter "${name}" is of type ${spec.type}; ${kindOf(value)} does not fit`)]
  }
  if (spec.values !== undefined && typeof value === 'string' && !spec.values.includes(value)) {
    return [error('SCRIPT_PARAM_TYPE', path, unknownMessage(`value of parameter "${name}"`, value, spec.values))]
  }
  if (spec.format === 'template' && typeof value === 'string') return checkPlaceholders(value, path, t)
  if (spec.fieldFrom !== undefined) return checkWrittenValue(t, spec.fieldFrom, value, path, scopes)
  if (spec.type === 'field' && typeof value === 'string') return checkFieldParam(t, value, path)
  if (spec.type === 'array' && spec.items !== undefined && Array.isArray(value)) {
    const items = spec.items
    return value.flatMap((v, i) => checkValue(t, items, v, [...path, i], `${name}[${i}]`, scopes))
  }
  if (spec.type === 'object' && spec.properties !== undefined && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const inner = [...scopes, value]
    return Object.entries(spec.properties).flatMap(([key, sub]) => {
      const v = value[key]
      if (v === undefined) return sub.required === true ? [error('MISSING_SCRIPT_PARAM', path, `parameter "${name}" needs the key "${key}"`)] : []
      return checkValue(t, sub, v, [...path, key], `${name}.${key}`, inner)
    })
  }
  return []
}

/**
 * A value the script writes to the field named by the first of `fieldFrom` found, innermost object first.
 * Without such a name (or with a name that is no field) there is nothing to compare with; the field
 * parameter reports its own problem.
 */
function checkWrittenValue(t: TargetIndex, fieldFrom: readonly string[], value: JsonValue, path: IssuePath, scopes: readonly Record<string, JsonValue>[]): Issue[] {
  for (const key of fieldFrom) {
    for (let i = scopes.length - 1; i >= 0; i -= 1) {
      const scope = scopes[i]
      const field = scope !== undefined && Object.hasOwn(scope, key) ? scope[key] : undefined
      if (typeof field !== 'string') continue
      const fieldName = fieldNameSchema.safeParse(field)
      const fieldValue = fieldValueSchema.safeParse(value)
      if (!fieldName.success || !fieldValue.success) return []
      return checkFieldValue(t, fieldName.data, fieldValue.data, path, 'set')
    }
  }
  return []
}

/** A `field` parameter names a ticket field: a built-in one or an existing dynamic field. */
function checkFieldParam(t: TargetIndex, value: string, path: IssuePath): Issue[] {
  if (isDynamicFieldRef(value)) return checkDynamicField(t, dynamicFieldName(value), path)
  if ((TICKET_FIELDS as readonly string[]).includes(value)) return []
  const names = [...TICKET_FIELDS, ...[...t.dynamicFields.keys()].map((n) => `DynamicField_${n}`)]
  return [error('SCRIPT_PARAM_TYPE', path, unknownMessage('ticket field', value, names))]
}
