import type { Condition, Scalar } from '@ablauf/sdk'

const SYMBOLS: Record<string, string> = { eq: '=', ne: '≠', gt: '>', gte: '≥', lt: '<', lte: '≤' }

/** `DynamicField_Category` → `Category`: diagrams are read by people. */
export function shortField(field: string): string {
  return field.startsWith('DynamicField_') ? field.slice('DynamicField_'.length) : field
}

function value(v: Scalar): string {
  return typeof v === 'string' ? v : String(v)
}

/**
 * A condition in short form for a diagram edge: `Category = hardware`,
 * `Queue in (Hardware, Software) and not (Title empty)`.
 *
 * @example
 * ```ts
 * conditionLabel({ op: 'eq', field: 'DynamicField_Category', value: 'hardware' }) // 'Category = hardware'
 * ```
 */
export function conditionLabel(c: Condition, nested = false): string {
  switch (c.op) {
    case 'eq':
    case 'ne':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return `${shortField(c.field)} ${SYMBOLS[c.op] ?? c.op} ${value(c.value)}`
    case 'contains':
      return `${shortField(c.field)} contains ${value(c.value)}`
    case 'in':
      return `${shortField(c.field)} in (${c.values.map(value).join(', ')})`
    case 'regex':
      return `${shortField(c.field)} ~ /${c.pattern}/${c.flags ?? ''}`
    case 'empty':
      return `${shortField(c.field)} empty`
    case 'notEmpty':
      return `${shortField(c.field)} not empty`
    case 'not':
      return `not (${conditionLabel(c.of)})`
    case 'all':
    case 'any': {
      const text = c.of.map((x) => conditionLabel(x, true)).join(c.op === 'all' ? ' and ' : ' or ')
      return nested && c.of.length > 1 ? `(${text})` : text
    }
    case 'one':
      return `one of (${c.of.map((x) => conditionLabel(x)).join('; ')})`
  }
}
