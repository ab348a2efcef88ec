import { AsyncLocalStorage } from 'node:async_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { Pool, type PoolClient } from 'pg'
import { pino, type Logger } from 'pino'
import type { ProcessDefinition } from '@ablauf/sdk/definition'
import { AblaufError } from '@ablauf/sdk/errors'
import type { TargetSnapshot } from '@ablauf/sdk/target'
import { ParsedCache } from '../parsed-cache.js'
import type { Store, StoreHealth, StoreTx, TransactionOptions } from '../store-port.js'
import { postgresTargetRepo, postgresTokenRepo } from './postgres-admin-repos.js'
import { isRetryable, toAblaufError } from './postgres-errors.js'
import { postgresEmailRepo, postgresHistoryRepo } from './postgres-history-repo.js'
import { postgresInstanceRepo } from './postgres-instance-repo.js'
import { JOBS_CHANNEL, postgresJobRepo } from './postgres-job-repo.js'
import { createPgListener } from './postgres-listener.js'
import { appliedPostgresCount, migratePostgres } from './postgres-migrate.js'
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js'
import { postgresProcessRepo } from './postgres-process-repo.js'
import { PgSession } from './postgres-session.js'
import { postgresTaskRepo } from './postgres-task-repo.js'
import { postgresTicketRepo } from './postgres-ticket-repo.js'

/** Options of {@link openPostgresStore}. */
export interface PostgresStoreOptions {
  /** `postgres://user:password@host:5432/database` (libpq URL; `?sslmode=…` etc. as pg understands them). */
  url: string
  logger?: Logger
  /** Connections in the pool (default 10): transactions of this engine that may run at once. */
  poolSize?: number
  /** Times a transaction that lost a deadlock is run again (default 3). */
  deadlockRetries?: number
  /** Timestamp recorded for applied migrations. */
  now?: () => Date
}

/** The PostgreSQL adapter of the {@link Store} port. */
export interface PostgresStore extends Store {
  /** Calls `cb` whenever any engine on this database enqueued jobs or gave leases back; returns unsubscribe. */
  onJobsAvailable(cb: () => void): () => void
}

/**
 * Opens (and migrates) a PostgreSQL store for one or several engines sharing a database. Each
 * `transaction()` is BEGIN … COMMIT on one pooled connection, so transactions run concurrently; the
 * runtime's `getForUpdate` takes row locks (SELECT … FOR UPDATE), which serialise steps of one
 * instance or ticket across engines. Jobs are leased with FOR UPDATE SKIP LOCKED and announced with
 * NOTIFY `ablauf_jobs`. A transaction that loses a deadlock is rolled back and run again.
 *
 * @example
 * ```ts
 * const store = await openPostgresStore({ url: 'postgres://ablauf:secret@db:5432/ablauf', logger })
 * ```
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  const logger = (options.logger ?? pino({ level: 'silent' })).child({ component: 'postgres-store' })
  const config = { connectionString: options.url, application_name: 'ablauf-engine', idle_in_transaction_session_timeout: 60_000 }
  const pool = new Pool({ ...config, max: options.poolSize ?? 10 })
  // An idle connection that breaks (database restart) must not crash the engine; the pool replaces it.
  pool.on('error', (err) => logger.warn({ err }, 'idle database connection failed'))
  const listener = createPgListener(config, JOBS_CHANNEL, logger)
  const retries = options.deadlockRetries ?? 3
  const inTx = new AsyncLocalStorage<true>()
  const running = new Set<Promise<unknown>>()
  let closed = false

  const connect = async (): Promise<PoolClient> => {
    try {
      return await pool.connect()
    } catch (err) {
      throw toAblaufError(err)
    }
  }

  try {
    const client = await connect()
    try {
      await migratePostgres(new PgSession(client), POSTGRES_MIGRATIONS, (options.now?.() ?? new Date()).toISOString())
    } finally {
      client.release()
    }
  } catch (err) {
    await pool.end()
    throw err
  }

  const definitions = new ParsedCache<ProcessDefinition>(256)
  const targets = new ParsedCache<TargetSnapshot>(2)
  const makeTx = (db: PgSession, callbacks: (() => void)[]): StoreTx => ({
    tickets: postgresTicketRepo(db),
    instances: postgresInstanceRepo(db),
    userTasks: postgresTaskRepo(db),
    jobs: postgresJobRepo(db),
    history: postgresHistoryRepo(db),
    emails: postgresEmailRepo(db),
    processes: postgresProcessRepo(db, definitions),
    target: postgresTargetRepo(db, targets),
    tokens: postgresTokenRepo(db),
    afterCommit: (cb) => {
      callbacks.push(cb)
    },
  })

  async function attempt<T>(fn: (tx: StoreTx) => Promise<T>, readOnly: boolean): Promise<{ value: T; callbacks: (() => void)[] }> {
    const client = await connect()
    const db = new PgSession(client)
    const callbacks: (() => void)[] = []
    let broken = false
    try {
      await db.run(readOnly ? 'BEGIN READ ONLY' : 'BEGIN')
      const value = await inTx.run(true, () => fn(makeTx(db, callbacks)))
      // COMMIT of a transaction that failed earlier (an error the callback caught) answers ROLLBACK.
      const commit = await client.query('COMMIT').catch((err: unknown) => {
        throw toAblaufError(err)
      })
      if (commit.command === 'ROLLBACK') throw new AblaufError('INTERNAL', 'the transaction failed and was rolled back; a database error was caught and ignored inside it')
      return { value, callbacks }
    } catch (err) {
      try {
        await client.query('ROLLBACK')
      } catch {
        broken = true
      }
      throw err
    } finally {
      client.release(broken)
    }
  }

  return {
    async transaction<T>(fn: (tx: StoreTx) => Promise<T>, txOptions: TransactionOptions = {}): Promise<T> {
      if (closed) throw new AblaufError('ENGINE_UNAVAILABLE', 'the store is closed')
      if (inTx.getStore() === true) throw new AblaufError('INTERNAL', 'nested store transaction: pass the outer tx down instead')
      const run = (async () => {
        for (let n = 1; ; n++) {
          try {
            return await attempt(fn, txOptions.readOnly === true)
          } catch (err) {
            if (!isRetryable(err) || n > retries) throw err
            logger.warn({ err, attempt: n }, 'transaction lost a deadlock; running it again')
            await sleep(Math.floor(Math.random() * 20 * n))
          }
        }
      })()
      running.add(run)
      try {
        const { value, callbacks } = await run
        for (const cb of callbacks) cb()
        return value
      } finally {
        running.delete(run)
      }
    },
    async health(): Promise<StoreHealth> {
      const known = POSTGRES_MIGRATIONS.length
      if (closed) return { ok: false, migrationsApplied: 0, migrationsKnown: known, message: 'store closed' }
      try {
        const client = await connect()
        try {
          const applied = await appliedPostgresCount(new PgSession(client))
          const ok = applied === known
          return { ok, migrationsApplied: applied, migrationsKnown: known, ...(ok ? {} : { message: 'migrations pending' }) }
        } finally {
          client.release()
        }
      } catch (err) {
        return { ok: false, migrationsApplied: 0, migrationsKnown: known, message: err instanceof Error ? err.message : String(err) }
      }
    },
    onJobsAvailable(cb) {
      if (closed) return () => undefined
      return listener.subscribe(cb)
    },
    async close() {
      if (closed) return
      closed = true
      await Promise.allSettled([...running])
      await listener.close()
      await pool.end()
    },
  }
}
