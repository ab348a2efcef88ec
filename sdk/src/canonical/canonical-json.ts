import { AblaufError } from '../errors.js'

/**
 * Serialises a JSON value canonically: object keys sorted (recursively, by UTF-16 code units), keys
 * whose value is `undefined` dropped, arrays in order, no whitespace, numbers as `JSON.stringify`
 * writes them. Equal data gives equal text, whatever order its keys were written in, so the text
 * can be hashed and diffed.
 *
 * Throws `AblaufError('DEFINITION_INVALID')` with the offending `path` in `details` for anything that
 * is not plain JSON: functions, symbols, bigints, `NaN`, `±Infinity`, `undefined` inside an array,
 * class instances (`Date`, `Map`, …) and cycles.
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [true, null], c: undefined }) // '{"a":[true,null],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  try {
    return writeFast(value, 0)
  } catch (err) {
    if (!(err instanceof NotFast)) throw err
    // The careful writer finds (and names) what is not JSON, or writes what was only too deep.
    return write(value, [], new Set())
  }
}

// Definitions are hashed by the hundred on every cold compile, so the common case gets a writer
// without path bookkeeping: no arrays per node, strings appended, key order sorted in place. Anything
// unusual (not JSON, a possible cycle) falls back to `write`, which gives the same text or error.
class NotFast {}
const MAX_FAST_DEPTH = 1000
const quotedKeys = new Map<string, string>()

function writeFast(value: unknown, depth: number): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      if (!Number.isFinite(value)) throw new NotFast()
      return JSON.stringify(value)
    case 'object': {
      if (value === null) return 'null'
      if (depth > MAX_FAST_DEPTH) throw new NotFast()
      if (Array.isArray(value)) {
        const items = value as unknown[]
        if (items.length === 0) return '[]'
        let out = `[${writeFast(items[0], depth + 1)}`
        for (let i = 1; i < items.length; i++) out += `,${writeFast(items[i], depth + 1)}`
        return `${out}]`
      }
      const proto: unknown = Object.getPrototypeOf(value)
      if (proto !== Object.prototype && proto !== null) throw new NotFast()
      const record = value as Record<string, unknown>
      const keys = sortInPlace(Object.keys(record))
      let out = '{'
      for (const key of keys) {
        const v = record[key]
        if (v === undefined) continue
        out += `${out.length === 1 ? '' : ','}${quotedKey(key)}${writeFast(v, depth + 1)}`
      }
      return `${out}}`
    }
    default:
      throw new NotFast()
  }
}

/** Insertion sort by UTF-16 code units, as `Array.prototype.sort` compares strings: objects have few keys. */
function sortInPlace(keys: string[]): string[] {
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string
    let j = i - 1
    while (j >= 0 && (keys[j] as string) > key) {
      keys[j + 1] = keys[j] as string
      j--
    }
    keys[j + 1] = key
  }
  return keys
}

/** `"key":`, remembered: definitions repeat the same few keys thousands of times. */
function quotedKey(key: string): string {
  let quoted = quotedKeys.get(key)
  if (quoted === undefined) {
    quoted = `${JSON.stringify(key)}:`
    if (quotedKeys.size < 10_000) quotedKeys.set(key, quoted)
  }
  return quoted
}

type Path = (string | number)[]

function write(value: unknown, path: Path, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value)
    case 'number':
      if (!Number.isFinite(value)) fail(path, `the number ${String(value)}`)
      return JSON.stringify(value)
    case 'object':
      if (value === null) return 'null'
      return writeObject(value, path, ancestors)
    case 'undefined':
      return fail(path, 'undefined')
    default:
      return fail(path, `a ${typeof value}`)
  }
}

function writeObject(value: object, path: Path, ancestors: Set<object>): string {
  if (ancestors.has(value)) fail(path, 'a cycle (the value contains itself)')
  ancestors.add(value)
  let out: string
  if (Array.isArray(value)) {
    out = `[${value.map((item: unknown, i) => write(item, [...path, i], ancestors)).join(',')}]`
  } else {
    const proto: unknown = Object.getPrototypeOf(value)
    if (proto !== Object.prototype && proto !== null) {
      const name = (value as { constructor?: { name?: string } }).constructor?.name ?? 'a class'
      fail(path, `an instance of ${name}; convert it to plain JSON first`)
    }
    const record = value as Record<string, unknown>
    const parts: string[] = []
    for (const key of Object.keys(record).sort()) {
      const v = record[key]
      if (v === undefined) continue
      parts.push(`${JSON.stringify(key)}:${write(v, [...path, key], ancestors)}`)
    }
    out = `{${parts.join(',')}}`
  }
  ancestors.delete(value)
  return out
}

function fail(path: Path, what: string): never {
  const at = path.length === 0 ? 'the value' : `the value at ${formatPath(path)}`
  throw new AblaufError('DEFINITION_INVALID', `${at} is not JSON: ${what}`, { path })
}

/** `['activities', 2, 'params', 'x']` → `$.activities[2].params.x` */
function formatPath(path: Path): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : `${s}.${p}`), '$')
}
