/** Source code for plain values, formatted the way an author would write them. */

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/
const MAX_INLINE = 90

/** A single-quoted string literal. */
export function str(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}'`
}

/** An object key: bare when it is an identifier. */
export function key(k: string): string {
  return IDENT.test(k) ? k : str(k)
}

/** Code already written, to embed as is inside {@link lit}. */
export class Code {
  constructor(readonly text: string) {}
}

/** Indents every line after the first by `pad`. */
export function indent(text: string, pad: string): string {
  return text.split('\n').join(`\n${pad}`)
}

/**
 * A value as source: strings single-quoted, identifier keys bare, `undefined` entries left out,
 * short objects and arrays on one line, long ones one entry per line.
 */
export function lit(value: unknown, pad = ''): string {
  if (value instanceof Code) return value.text
  if (typeof value === 'string') return str(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value === null) return 'null'
  const inner = `${pad}  `
  if (Array.isArray(value)) {
    const items = value.map((v) => lit(v, inner))
    const flat = `[${items.join(', ')}]`
    if (flat.length <= MAX_INLINE && !flat.includes('\n')) return flat
    return `[\n${items.map((i) => `${inner}${i},`).join('\n')}\n${pad}]`
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
    if (entries.length === 0) return '{}'
    const items = entries.map(([k, v]) => `${key(k)}: ${lit(v, inner)}`)
    const flat = `{ ${items.join(', ')} }`
    if (flat.length <= MAX_INLINE && !flat.includes('\n')) return flat
    return `{\n${items.map((i) => `${inner}${i},`).join('\n')}\n${pad}}`
  }
  throw new TypeError(`cannot write ${typeof value} as code`)
}

/** A call `name(arg, …)` with the args laid out like {@link lit}. */
export function call(name: string, args: unknown[], pad = ''): string {
  const items = args.map((a) => lit(a, pad))
  const flat = `${name}(${items.join(', ')})`
  if (flat.length <= MAX_INLINE || items.length === 1) return flat
  const inner = `${pad}  `
  return `${name}(\n${args.map((a) => `${inner}${lit(a, inner)},`).join('\n')}\n${pad})`
}
