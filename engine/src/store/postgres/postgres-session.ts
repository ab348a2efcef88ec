import type { ClientBase, QueryResultRow } from 'pg'
import { toAblaufError } from './postgres-errors.js'

/** Parameters of a query; JSON values are passed as text (`writeJsonb`) and cast with `::jsonb`. */
export type SqlParam = string | number | boolean | null | readonly string[]

/**
 * One connection's queries, typed by the caller's row shape (the SQL names the columns). Driver errors
 * leave as Ablauf errors (see `toAblaufError`), so a tx's caller branches on codes as with SQLite.
 */
export class PgSession {
  readonly #client: ClientBase

  constructor(client: ClientBase) {
    this.#client = client
  }

  /** The first row, or undefined. */
  async one<R extends QueryResultRow>(sql: string, ...params: SqlParam[]): Promise<R | undefined> {
    return (await this.#query<R>(sql, params)).rows[0]
  }

  /** All rows. */
  async all<R extends QueryResultRow>(sql: string, ...params: SqlParam[]): Promise<R[]> {
    return (await this.#query<R>(sql, params)).rows
  }

  /** Runs a statement; resolves with the number of rows it touched. */
  async run(sql: string, ...params: SqlParam[]): Promise<number> {
    return (await this.#query(sql, params)).rowCount ?? 0
  }

  async #query<R extends QueryResultRow>(sql: string, params: SqlParam[]): Promise<{ rows: R[]; rowCount: number | null }> {
    try {
      return await this.#client.query<R>(sql, params as unknown[])
    } catch (err) {
      throw toAblaufError(err)
    }
  }
}

/** `$1, $2, …` placeholders for `values`, starting after `offset` earlier parameters. */
export function placeholders(values: readonly unknown[], offset: number): string {
  return values.map((_, i) => `$${offset + i + 1}`).join(', ')
}
