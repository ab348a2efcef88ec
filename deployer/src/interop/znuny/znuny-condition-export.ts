import type { Condition } from '@ablauf/sdk/definition'
import { ALWAYS_TRUE_FIELD, ALWAYS_TRUE_MATCH } from './znuny-conventions.js'
import { znunyKeyFromField } from './znuny-fields.js'
import { readUnmappedTest } from './znuny-never-holds.js'
import { containsPattern, EMPTY_PATTERN, inPattern, nePattern, NOT_EMPTY_PATTERN } from './regex-literals.js'
import { placeholdersToTags, type TagFlavor } from './znuny-tags.js'

/** A Znuny field test (`Module`, `Array`, … only when an unmapped test is written back). */
export interface ZnunyMatch {
  Type: string
  Match: string | string[]
}
/** A Znuny transition's Config. */
export interface ZnunyTransitionConfig {
  Condition: Record<string, { Fields: Record<string, ZnunyMatch>; Type: 'and' | 'or' | 'xor' }>
  ConditionLinking: 'and' | 'or' | 'xor'
}

const LINKING = { all: 'and', any: 'or', one: 'xor' } as const
type Leaf = Exclude<Condition, { op: 'all' | 'any' | 'one' }>
type Group = Extract<Condition, { op: 'all' | 'any' | 'one' }>

function isGroup(c: Condition): c is Group {
  return c.op === 'all' || c.op === 'any' || c.op === 'one'
}

/** The Znuny key a leaf tests: an unmapped test's own key, else the field's. */
function znunyKey(l: Leaf): string {
  return readUnmappedTest(l)?.key ?? ('field' in l ? l.field : '')
}

/** `not` of a simple test as the opposite test, where one exists. */
function simplify(c: Leaf): Leaf | undefined {
  if (c.op !== 'not') return c
  const inner = c.of
  if (inner.op === 'eq') return { op: 'ne', field: inner.field, value: inner.value }
  if (inner.op === 'ne') return { op: 'eq', field: inner.field, value: inner.value }
  if (inner.op === 'empty') return { op: 'notEmpty', field: inner.field }
  if (inner.op === 'notEmpty') return { op: 'empty', field: inner.field }
  return undefined
}

function match(c: Leaf): ZnunyMatch | string {
  switch (c.op) {
    case 'eq':
      return { Type: 'String', Match: String(c.value) }
    case 'ne':
      return { Type: 'Regexp', Match: nePattern(String(c.value)) }
    case 'in':
      return { Type: 'Regexp', Match: inPattern(c.values.map(String)) }
    case 'contains':
      return { Type: 'Regexp', Match: containsPattern(String(c.value)) }
    case 'regex':
      return { Type: 'Regexp', Match: c.flags ? `(?${c.flags})${c.pattern}` : c.pattern }
    case 'empty':
      return { Type: 'Regexp', Match: EMPTY_PATTERN }
    case 'notEmpty':
      return { Type: 'Regexp', Match: NOT_EMPTY_PATTERN }
    default:
      return `the "${c.op}" test has no Znuny match type`
  }
}

/**
 * Our condition → Znuny's two levels (conditions of field tests, linked), with `not` of simple tests
 * turned around, and unmapped Znuny tests an import kept as never-holding tests written back as they
 * were. What Znuny cannot say (gt/lt, deeper nesting, two tests of one field in one
 * condition where the linking differs) is left out and described in `unmapped`; a transition without
 * any condition gets an always-true one, as Znuny requires a condition.
 */
export function exportCondition(condition: Condition | undefined, flavor: TagFlavor): { config: ZnunyTransitionConfig; unmapped: string[] } {
  const unmapped: string[] = []
  const groups: { type: 'and' | 'or' | 'xor'; leaves: Leaf[] }[] = []
  let linking: 'and' | 'or' | 'xor' = 'and'
  const distinct = (ls: Leaf[]) => new Set(ls.map(znunyKey)).size === ls.length
  if (condition !== undefined) {
    if (!isGroup(condition)) {
      groups.push({ type: 'and', leaves: [condition] })
    } else if (condition.of.every((c) => !isGroup(c))) {
      const ls = condition.of as Leaf[]
      if (distinct(ls)) groups.push({ type: LINKING[condition.op], leaves: ls })
      else {
        linking = LINKING[condition.op]
        for (const l of ls) groups.push({ type: 'and', leaves: [l] })
      }
    } else {
      linking = LINKING[condition.op]
      for (const child of condition.of) {
        if (!isGroup(child)) groups.push({ type: 'and', leaves: [child] })
        else if (child.of.every((c) => !isGroup(c)) && distinct(child.of as Leaf[])) groups.push({ type: LINKING[child.op], leaves: child.of as Leaf[] })
        else unmapped.push(`the nested condition ${JSON.stringify(child)} is deeper than Znuny's two levels; left out`)
      }
    }
  }
  const config: ZnunyTransitionConfig = { Condition: {}, ConditionLinking: linking }
  let n = 0
  for (const g of groups) {
    const fields: Record<string, ZnunyMatch> = {}
    for (const raw of g.leaves) {
      const original = readUnmappedTest(raw)
      if (original !== undefined) {
        fields[original.key] = { Type: original.type, Match: original.match }
        continue
      }
      const leaf = simplify(raw)
      const key = leaf && 'field' in leaf ? znunyKeyFromField(leaf.field) : undefined
      const m = leaf === undefined ? 'this "not" has no Znuny form' : key === undefined ? `Znuny cannot test this field` : match(leaf)
      if (typeof m === 'string' || key === undefined) {
        unmapped.push(`${JSON.stringify(raw)}: ${typeof m === 'string' ? m : 'no Znuny field'}; left out`)
        continue
      }
      fields[key] = { Type: m.Type, Match: m.Type === 'String' && typeof m.Match === 'string' ? placeholdersToTags(m.Match, flavor).text : m.Match }
    }
    if (Object.keys(fields).length > 0) config.Condition[String(++n)] = { Fields: fields, Type: g.type }
  }
  if (n === 0) {
    config.Condition['1'] = { Fields: { [ALWAYS_TRUE_FIELD]: { Type: 'Regexp', Match: ALWAYS_TRUE_MATCH } }, Type: 'and' }
    config.ConditionLinking = 'and'
  }
  return { config, unmapped }
}
