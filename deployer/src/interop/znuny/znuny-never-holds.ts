import { z } from 'zod'
import type { Condition } from '@ablauf/sdk/definition'
import { escapeRegex, unescapeLiteral } from './regex-literals.js'

/**
 * Fail closed. In Znuny a field test that cannot be evaluated (a `Module` check, a key such as
 * `PriorityID` that Ablauf has no field for) never matches, so the import must not turn it into "no
 * test" — that would make the transition fire where Znuny's never does. Such a test becomes a regex on
 * `Title` that never holds: `(?!)` fails at every position of every text. The rest of the pattern carries
 * the original Znuny test, `(?!)znuny:PriorityID:String:"3"` (key, type, JSON of the match, escaped so
 * the pattern compiles), so an export writes it back unchanged.
 */
const NEVER = '(?!)'
const PREFIX = `${NEVER}znuny:`
const KEY = /^[A-Za-z0-9_-]+$/
const TYPE = /^[A-Za-z]*$/
const BODY = /^([A-Za-z0-9_-]+):([A-Za-z]*):(.*)$/s
const matchSchema = z.union([z.string(), z.array(z.string())])

/** A Znuny field test Ablauf cannot evaluate, as Znuny wrote it. */
export interface UnmappedZnunyTest {
  key: string
  type: string
  match: string | string[]
}

/** A test that never holds and carries nothing. */
export function neverHolds(): Condition {
  return { op: 'regex', field: 'Title', pattern: NEVER }
}

/** Whether `c` is a test that never holds (plain, or carrying an unmapped Znuny test). */
export function isNeverHolds(c: Condition): boolean {
  return c.op === 'regex' && c.field === 'Title' && c.flags === undefined && c.pattern.startsWith(NEVER)
}

/** The never-holding test standing in for `t`; plain `(?!)` when its key or type cannot be carried. */
export function unmappedTest(t: UnmappedZnunyTest): Condition {
  if (!KEY.test(t.key) || !TYPE.test(t.type)) return neverHolds()
  return { op: 'regex', field: 'Title', pattern: `${PREFIX}${t.key}:${t.type}:${escapeRegex(JSON.stringify(t.match))}` }
}

/** The Znuny test a never-holding test carries, or `undefined` for any other condition. */
export function readUnmappedTest(c: Condition): UnmappedZnunyTest | undefined {
  if (!isNeverHolds(c) || c.op !== 'regex' || !c.pattern.startsWith(PREFIX)) return undefined
  const m = BODY.exec(c.pattern.slice(PREFIX.length))
  const json = m?.[3] === undefined ? undefined : unescapeLiteral(m[3])
  if (m === null || json === undefined) return undefined
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch {
    return undefined
  }
  const match = matchSchema.safeParse(raw)
  return match.success ? { key: m[1] as string, type: m[2] as string, match: match.data } : undefined
}
