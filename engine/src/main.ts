import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { pino, type Logger } from 'pino'
import { AblaufError } from '@ablauf/sdk/errors'
import type { TargetSnapshot } from '@ablauf/sdk/target'
import type { EngineConfig } from './config/config-schema.js'
import { parseEngineEnv } from './config/engine-env.js'
import { configuredTokens } from './config/engine-tokens.js'
import { targetSnapshotFromConfig } from './config/target-from-config.js'
import { createDeploymentService } from './deployments/deployment-service.js'
import { createApp } from './http/create-app.js'
import type { ProcessRuntime } from './http/runtime-port.js'
import type { JobWorker } from './jobs/job-worker.js'
import type { Mailer } from './mail/mail-types.js'
import { createEngineMetrics, type EngineMetrics } from './ops/engine-metrics.js'
import { createTraceLevels, type TraceLevels } from './ops/trace-levels.js'
import { createEngineRuntime } from './runtime/engine-runtime.js'
import { openPostgresStore } from './store/postgres/postgres-store.js'
import { openSqliteStore } from './store/sqlite/sqlite-store.js'
import { systemClock, type Clock, type Store } from './store/store-port.js'
import { createTicketService, type TicketService } from './tickets/ticket-service.js'

/** Options of {@link startEngine}. */
export interface StartEngineOptions {
  config: EngineConfig
  /**
   * A SQLite file path (`sqlite:PATH` also accepted), a PostgreSQL URL (`postgres://user:pw@host/db`, for
   * several engines sharing one database) or an opened store (closed by `close()` too).
   */
  db: string | Store
  /** Port; 0 picks a free one. Default: the config's `server.port`. */
  port?: number
  /** Interface to listen on (default 127.0.0.1). */
  host?: string
  /** The root logger; default: pino at `info` with secrets redacted. */
  logger?: Logger
  clock?: Clock
  /** Environment for secrets (web service auth, `tokenEnv`); default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>
  /** An admin token (scopes: admin); default `ABLAUF_TOKEN` of `env`. */
  adminToken?: string
  /** Real mail; default SMTP when the config has `smtp`, else every mail is captured. */
  mailer?: Mailer
  /** Start the job worker (default true); tests may drive it with `worker.runOnce()`. */
  startWorker?: boolean
  /** Worker poll interval (ms). */
  pollMs?: number
  /** Jobs the worker runs at once (default 32); service calls are network waits, so more is cheap. */
  workerConcurrency?: number
  /** Job lease length (ms); default the worker's (outlasts the slowest service call). Crash tests shorten it. */
  leaseMs?: number
  fetch?: typeof globalThis.fetch
}

/** A running engine. */
export interface RunningEngine {
  url: string
  port: number
  store: Store
  target: TargetSnapshot
  runtime: ProcessRuntime
  /** Creates tickets (and starts their processes in the same transaction) and changes them, as the API does. */
  tickets: TicketService
  worker: JobWorker
  metrics: EngineMetrics
  /** Per-process / per-ticket trace logging (config `logging.trace` plus `PUT /api/v1/debug/trace`). */
  trace: TraceLevels
  /** Graceful shutdown: stop accepting, let the worker finish or release its jobs, close the db. */
  close(): Promise<void>
}

/** Paths redacted from every log line. */
export const REDACT_PATHS = ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', '*.token', '*.password', '*.secret']

/** The composition root: wires store, scripts, runtime, worker and HTTP API, and listens. */
export async function startEngine(options: StartEngineOptions): Promise<RunningEngine> {
  const { config } = options
  const env = options.env ?? process.env
  const logger = options.logger ?? pino({ level: 'info', redact: REDACT_PATHS })
  const clock = options.clock ?? systemClock
  const metrics = createEngineMetrics()
  const trace = createTraceLevels({ ...config.logging.trace, clock })
  const store =
    typeof options.db !== 'string'
      ? options.db
      : /^postgres(ql)?:\/\//i.test(options.db)
        ? await openPostgresStore({ url: options.db, logger })
        : openSqliteStore({ path: options.db.replace(/^sqlite:/, '') })
  let engineRuntime: Awaited<ReturnType<typeof createEngineRuntime>> | undefined
  try {
    engineRuntime = await createEngineRuntime({
      config, store, logger, clock, metrics, trace, secrets: env,
      worker: {
        ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
        ...(options.workerConcurrency === undefined ? {} : { concurrency: options.workerConcurrency }),
        ...(options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs }),
      },
      ...(options.mailer === undefined ? {} : { mailer: options.mailer }),
      ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    })
    const { runtime, worker, scripts } = engineRuntime
    const target = targetSnapshotFromConfig(config, scripts.describe())
    await store.transaction((tx) => tx.target.put(target, clock.now().toISOString()))
    const { tokens, disabled } = configuredTokens(config, env, options.adminToken ?? parseEngineEnv(env).ABLAUF_TOKEN)
    if (disabled.length > 0) logger.warn({ tokens: disabled }, 'tokens disabled: their tokenEnv variable is not set')

    const deployments = createDeploymentService({ store, clock, target, logger })
    const tickets = createTicketService({ store, clock, target, startProcess: (tx, ticketId, actor) => runtime.startInTransaction(tx, ticketId, actor) })
    const app = createApp({ store, clock, target, runtime, deployments, tickets, metrics, logger, tokens, trace, bodyLimit: config.server.bodyLimit })
    const server = await listen(app, options.port ?? config.server.port, options.host ?? '127.0.0.1')
    const port = (server.address() as AddressInfo).port
    const host = options.host ?? '127.0.0.1'
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
    if (options.startWorker !== false) worker.start()
    logger.info({ url, processes: 'see /api/v1/processes' }, 'engine listening')

    let closing: Promise<void> | undefined
    const close = (): Promise<void> =>
      (closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
        server.closeIdleConnections()
        await engineRuntime?.close()
        server.closeAllConnections()
        await stopped
        await store.close()
        logger.info('engine stopped')
      })())
    return { url, port, store, target, runtime, tickets, worker, metrics, trace, close }
  } catch (err) {
    await engineRuntime?.close()
    await store.close()
    throw err
  }
}

/** Listens on `host:port`; a busy or forbidden port is CONFIG_INVALID saying what to do, not a stack trace. */
function listen(app: ReturnType<typeof createApp>, port: number, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const failed = (err: NodeJS.ErrnoException): void => reject(listenError(err, port, host))
    const server = app.listen(port, host, (err?: Error) => (err ? failed(err) : resolve(server)))
    server.once('error', failed)
  })
}

function listenError(err: NodeJS.ErrnoException, port: number, host: string): Error {
  if (err.code === 'EADDRINUSE') {
    return new AblaufError(
      'CONFIG_INVALID',
      `port ${port} is already in use on ${host} (another engine or program listens there): stop it, or pick another port with --port N or PORT=N (--port 0 takes any free port)`,
      { port, host },
      { cause: err },
    )
  }
  if (err.code === 'EACCES') {
    return new AblaufError('CONFIG_INVALID', `port ${port} on ${host} needs privileges this process does not have: pick a port above 1023 with --port N or PORT=N`, { port, host }, { cause: err })
  }
  if (err.code === 'EADDRNOTAVAIL') {
    return new AblaufError('CONFIG_INVALID', `${host} is not an address of this machine: pick another --host`, { port, host }, { cause: err })
  }
  return err
}
