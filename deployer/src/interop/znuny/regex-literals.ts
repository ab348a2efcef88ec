/**
 * Regular-expression patterns the exporter writes for tests Znuny has no type for, and their
 * recognition on import, so `in`, `ne`, `contains`, `empty` and `notEmpty` survive a round trip.
 * The patterns are valid in Perl and in JavaScript.
 */

const META = /[\\^$.*+?()[\]{}|/]/g

/** Escapes every regex metacharacter of `value`. */
export function escapeRegex(value: string): string {
  return value.replace(META, (c) => `\\${c}`)
}

/** The literal text of a pattern made only of plain and escaped characters, else `undefined`. */
export function unescapeLiteral(pattern: string): string | undefined {
  let out = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i)
    if (c === '\\') {
      const next = pattern.charAt(i + 1)
      if (next === '' || !/[\\^$.*+?()[\]{}|/]/.test(next)) return undefined
      out += next
      i++
    } else if (/[\\^$.*+?()[\]{}|/]/.test(c)) {
      return undefined
    } else {
      out += c
    }
  }
  return escapeRegex(out) === pattern ? out : undefined
}

/** Splits `a|b|c` at top-level bars (none are escaped in an escaped alternation). */
function splitAlternation(body: string): string[] {
  const parts: string[] = []
  let cur = ''
  for (let i = 0; i < body.length; i++) {
    const c = body.charAt(i)
    if (c === '\\') {
      cur += c + body.charAt(i + 1)
      i++
    } else if (c === '|') {
      parts.push(cur)
      cur = ''
    } else {
      cur += c
    }
  }
  parts.push(cur)
  return parts
}

export const NOT_EMPTY_PATTERN = '.+'
export const EMPTY_PATTERN = '^$'

/** `^(?:a|b)$` for "one of". */
export function inPattern(values: readonly string[]): string {
  return `^(?:${values.map(escapeRegex).join('|')})$`
}

/** `^(?!a$)` for "not equal". */
export function nePattern(value: string): string {
  return `^(?!${escapeRegex(value)}$)`
}

/** The values of an {@link inPattern}, else `undefined`. */
export function parseInPattern(pattern: string): string[] | undefined {
  const m = /^\^\(\?:(.*)\)\$$/s.exec(pattern)
  if (!m || m[1] === undefined) return undefined
  const values = splitAlternation(m[1]).map(unescapeLiteral)
  if (values.some((v) => v === undefined || v === '')) return undefined
  const list = values as string[]
  return inPattern(list) === pattern ? list : undefined
}

/** The value of a {@link nePattern}, else `undefined`. */
export function parseNePattern(pattern: string): string | undefined {
  const m = /^\^\(\?!(.*)\$\)$/s.exec(pattern)
  if (!m || m[1] === undefined) return undefined
  const v = unescapeLiteral(m[1])
  return v !== undefined && v !== '' && nePattern(v) === pattern ? v : undefined
}

/** `(?:a)` for "contains" (a group, so hand-written plain patterns stay regexes). */
export function containsPattern(value: string): string {
  return `(?:${escapeRegex(value)})`
}

/** The value of a {@link containsPattern}, else `undefined`. */
export function parseContainsPattern(pattern: string): string | undefined {
  const m = /^\(\?:(.*)\)$/s.exec(pattern)
  if (!m || m[1] === undefined) return undefined
  const v = unescapeLiteral(m[1])
  return v !== undefined && v !== '' && containsPattern(v) === pattern ? v : undefined
}

/** Splits Perl's leading inline flags `(?i)` into JavaScript flags. */
export function splitInlineFlags(pattern: string): { pattern: string; flags?: string } {
  const m = /^\(\?([imsu]+)\)(.+)$/s.exec(pattern)
  if (!m || m[1] === undefined || m[2] === undefined) return { pattern }
  return { pattern: m[2], flags: [...new Set(m[1])].sort().join('') }
}
