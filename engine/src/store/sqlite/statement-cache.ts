import type Database from 'better-sqlite3'

/** Prepares each SQL text once per connection. */
export class StatementCache {
  readonly #db: Database.Database
  readonly #cache = new Map<string, Database.Statement>()

  constructor(db: Database.Database) {
    this.#db = db
  }

  /** The prepared statement of `sql`. */
  get(sql: string): Database.Statement {
    let stmt = this.#cache.get(sql)
    if (stmt === undefined) {
      stmt = this.#db.prepare(sql)
      this.#cache.set(sql, stmt)
    }
    return stmt
  }

  /** Runs a write. */
  run(sql: string, ...params: unknown[]): Database.RunResult {
    return this.get(sql).run(...params)
  }

  /** The first row, or undefined (the caller names the row shape of its own schema). */
  one<R>(sql: string, ...params: unknown[]): R | undefined {
    return this.get(sql).get(...params) as R | undefined
  }

  /** All rows. */
  all<R>(sql: string, ...params: unknown[]): R[] {
    return this.get(sql).all(...params) as R[]
  }
}
