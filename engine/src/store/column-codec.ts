import type { z } from 'zod'
import type { JsonValue } from '@ablauf/sdk/definition'

/** How a dialect's driver hands back the column kinds whose values differ between the adapters. */
export interface ColumnTypes {
  /** A JSON column. */
  json: unknown
  /** A boolean column. */
  bool: unknown
  /** An integer id column (rowid, bigserial). */
  id: unknown
}

/**
 * Turns a dialect's column values into the values of the rows the port returns. The row mappers both
 * adapters share (`*-record.ts`) take one; each dialect has one, made once, called for every row read.
 */
export interface ColumnCodec<C extends ColumnTypes> {
  /** A JSON column checked against `schema`; a mismatch is a corrupt row (`stored ${what} …`, INTERNAL). */
  json<T>(schema: z.ZodType<T>, value: C['json'] | null, what: string): T
  /** A JSON column that may hold any JSON value (job payloads and results). */
  jsonValue(value: C['json'], what: string): JsonValue
  bool(value: C['bool']): boolean
  id(value: C['id']): number
}
