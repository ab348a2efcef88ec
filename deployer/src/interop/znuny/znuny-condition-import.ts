import type { Condition, FieldName } from '@ablauf/sdk/definition'
import type { ZnunyFieldTest, ZnunyTransition } from './znuny-schema.js'
import { ALWAYS_TRUE_FIELD, ALWAYS_TRUE_MATCH } from './znuny-conventions.js'
import { fieldFromZnunyKey } from './znuny-fields.js'
import { unmappedTest } from './znuny-never-holds.js'
import {
  EMPTY_PATTERN,
  NOT_EMPTY_PATTERN,
  parseContainsPattern,
  parseInPattern,
  parseNePattern,
  splitInlineFlags,
} from './regex-literals.js'

/** Znuny's linking words → our groups. */
const GROUP_OPS = { and: 'all', or: 'any', xor: 'one' } as const
type Linking = keyof typeof GROUP_OPS

/** Comparison types some Znuny/OTOBO versions and add-ons write, → our operators. */
const COMPARISON_OPS = {
  Equal: 'eq',
  NotEqual: 'ne',
  Contains: 'contains',
  GreaterThan: 'gt',
  GreaterThanOrEqual: 'gte',
  LessThan: 'lt',
  LessThanOrEqual: 'lte',
} as const

function linking(value: string): Linking | undefined {
  const v = value.trim().toLowerCase() || 'and'
  return v in GROUP_OPS ? (v as Linking) : undefined
}

function group(op: Linking, of: Condition[]): Condition | undefined {
  if (of.length === 0) return undefined
  if (of.length === 1) return of[0]
  return { op: GROUP_OPS[op], of }
}

/** One field test → our condition, or a reason why there is none. */
export function importFieldTest(field: FieldName, test: ZnunyFieldTest): Condition | string {
  const type = test.Type.trim() || 'String'
  const match = test.Match
  if (type === 'Array') {
    const values = Array.isArray(match) ? match : [match]
    return group('and', values.map((value) => ({ op: 'contains', field, value }))) ?? 'an empty Array match'
  }
  if (Array.isArray(match)) return `a list Match with Type ${type}`
  if (type === 'String') return { op: 'eq', field, value: match }
  if (type === 'Regexp') {
    if (match === NOT_EMPTY_PATTERN) return { op: 'notEmpty', field }
    if (match === EMPTY_PATTERN) return { op: 'empty', field }
    const values = parseInPattern(match)
    if (values) return { op: 'in', field, values }
    const ne = parseNePattern(match)
    if (ne !== undefined) return { op: 'ne', field, value: ne }
    const contains = parseContainsPattern(match)
    if (contains !== undefined) return { op: 'contains', field, value: contains }
    if (match === '') return 'an empty Regexp'
    const { pattern, flags } = splitInlineFlags(match)
    return flags === undefined ? { op: 'regex', field, pattern } : { op: 'regex', field, pattern, flags }
  }
  const op = COMPARISON_OPS[type as keyof typeof COMPARISON_OPS]
  if (op !== undefined) return { op, field, value: match }
  if (type === 'Module') return `a Module check (${match || 'no module'}) runs Perl code`
  return `match type "${type}"`
}

/** The end of the TODO note of a test that fails closed. */
const NEVER_HOLDS_NOTE = 'kept as a test that never holds until rewritten'

/** Always-true condition the exporter writes for a transition without a condition (Znuny needs one). */
function isAlwaysTrue(t: ZnunyTransition): boolean {
  const conds = Object.values(t.Config?.Condition ?? {}).filter((c) => typeof c !== 'string')
  if (conds.length !== 1 || typeof conds[0] === 'string' || conds[0] === undefined) return false
  const fields = Object.entries(conds[0].Fields)
  const only = fields[0]
  return fields.length === 1 && only !== undefined && only[0] === ALWAYS_TRUE_FIELD && only[1].Type === 'Regexp' && only[1].Match === ALWAYS_TRUE_MATCH
}

/**
 * A Znuny transition's `Condition` + `ConditionLinking` → our condition tree, in document order (the
 * result of and/or/xor does not depend on Znuny's evaluation order). A test without an equivalent fails
 * closed: it becomes a test that never holds (see {@link unmappedTest}), as in Znuny, and is described in
 * `unmapped` (the caller reports it and marks the transition).
 */
export function importTransitionCondition(t: ZnunyTransition): { condition?: Condition; unmapped: string[] } {
  const unmapped: string[] = []
  const config = t.Config
  if (!config || isAlwaysTrue(t)) return { unmapped }
  const names = Object.keys(config.Condition).filter((n) => n !== 'Type' && n !== 'ConditionLinking')
  const legacyType = config.Condition['Type']
  const top = linking(config.ConditionLinking || (typeof legacyType === 'string' ? legacyType : '')) ?? 'and'
  if (config.ConditionLinking && !linking(config.ConditionLinking)) {
    unmapped.push(`ConditionLinking "${config.ConditionLinking}" is not and/or/xor; read as "and"`)
  }
  const parts: Condition[] = []
  for (const name of names) {
    const c = config.Condition[name]
    if (c === undefined || typeof c === 'string') continue
    const type = linking(c.Type) ?? 'and'
    const tests: Condition[] = []
    for (const key of Object.keys(c.Fields)) {
      const test = c.Fields[key]
      if (test === undefined) continue
      const field = fieldFromZnunyKey(key)
      const original = { key, type: test.Type.trim() || 'String', match: test.Match }
      const shown = `condition "${name}" field "${key}" (${original.type} ${JSON.stringify(test.Match)})`
      const r = field === undefined ? `Ablauf has no field "${key}"` : importFieldTest(field, test)
      if (typeof r === 'string') {
        unmapped.push(`${shown}: ${field === undefined ? r : `${r} has no equivalent`}; ${NEVER_HOLDS_NOTE}`)
        tests.push(unmappedTest(original))
      } else {
        tests.push(r)
      }
    }
    const g = group(type, tests)
    if (g) parts.push(g)
  }
  const condition = group(top, parts)
  return condition === undefined ? { unmapped } : { condition, unmapped }
}
