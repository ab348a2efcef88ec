import { jsonValueSchema } from '@ablauf/sdk/definition'
import type { ColumnCodec } from '../column-codec.js'
import { readJsonb, toInt } from './postgres-json.js'

/** PostgreSQL hands back jsonb parsed, real booleans, and bigint ids as strings. */
export interface PostgresColumns {
  json: unknown
  bool: boolean
  id: string
}

export const postgresColumnCodec: ColumnCodec<PostgresColumns> = {
  json: readJsonb,
  jsonValue: (value, what) => readJsonb(jsonValueSchema, value, what),
  bool: (value) => value,
  id: toInt,
}
