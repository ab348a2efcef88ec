import type { z } from 'zod'
import { AblaufError } from '@ablauf/sdk/errors'
import { zodIssues } from '@ablauf/sdk/definition'

/**
 * Stored JSON is a boundary: `jsonb` comes back parsed by the driver and is checked with zod; a
 * mismatch is a corrupt row, reported as INTERNAL.
 */
export function readJsonb<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const r = schema.safeParse(value)
  if (!r.success) throw new AblaufError('INTERNAL', `stored ${what} does not match its schema`, { issues: zodIssues(r.error) })
  return r.data
}

/**
 * JSON text of a value for a `$n::jsonb` parameter. Always text: the driver would send a JS array as a
 * PostgreSQL array, not as JSON.
 */
export function writeJsonb(value: unknown): string {
  return JSON.stringify(value ?? null)
}

/** int8 columns come back as strings (they may exceed 2^53); ours never do. */
export function toInt(value: string | number): number {
  return typeof value === 'number' ? value : Number.parseInt(value, 10)
}
