import type { ColumnCodec } from '../column-codec.js'
import { readJson, readJsonValue } from './stored-json.js'

/** SQLite hands back JSON as text, booleans as 0/1 and integer ids as numbers. */
export interface SqliteColumns {
  json: string
  bool: number
  id: number
}

export const sqliteColumnCodec: ColumnCodec<SqliteColumns> = {
  json: readJson,
  jsonValue: readJsonValue,
  bool: (value) => value === 1,
  id: (value) => value,
}
