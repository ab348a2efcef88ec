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
  return write(value, [], new Set())
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
