import { z } from 'zod'
import { AblaufError } from '@ablauf/sdk/errors'
import { zodIssues, type JsonValue } from '@ablauf/sdk/definition'

/** Stored JSON is a boundary: parse it back with zod; a mismatch is a corrupt row, reported as INTERNAL. */
export function readJson<T>(schema: z.ZodType<T>, text: string | null, what: string): T {
  let raw: unknown
  try {
    raw = text === null ? null : JSON.parse(text)
  } catch (err) {
    throw new AblaufError('INTERNAL', `stored ${what} is not JSON`, undefined, { cause: err })
  }
  const r = schema.safeParse(raw)
  if (!r.success) throw new AblaufError('INTERNAL', `stored ${what} does not match its schema`, { issues: zodIssues(r.error) })
  return r.data
}

/** JSON text of a value for a column. */
export function writeJson(value: unknown): string {
  return JSON.stringify(value)
}

/**
 * Reads a column that holds any JSON value (job payloads and results). Whatever `JSON.parse` returns is
 * a JSON value, so there is nothing for zod to check; the payload's own schema is applied where it is used.
 */
export function readJsonValue(text: string, what: string): JsonValue {
  try {
    return JSON.parse(text) as JsonValue
  } catch (err) {
    throw new AblaufError('INTERNAL', `stored ${what} is not JSON`, undefined, { cause: err })
  }
}
