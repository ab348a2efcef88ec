import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { pino, type Logger } from 'pino'
import { z } from 'zod'
import { AblaufError } from '@ablauf/sdk/errors'
import { loadConfig } from './config/load-config.js'
import { REDACT_PATHS, startEngine, type RunningEngine } from './main.js'

/** The demo configuration shipped with the package (next to `src/` and `dist/`). */
export const DEMO_CONFIG_PATH = fileURLToPath(new URL('../config/demo.yaml', import.meta.url))

/** The default database file when neither `--db` nor `ABLAUF_DB` names one (relative to the cwd). */
export const DEFAULT_DB = 'ablauf.db'

export const ENGINE_USAGE = `usage: ablauf engine [--db sqlite:PATH|PATH|postgres://…] [--port N] [--config FILE] [--host HOST]

  --db      SQLite database file, or a PostgreSQL URL shared by several engines
            (default: $ABLAUF_DB, else ./${DEFAULT_DB})
  --port    port to listen on; 0 picks a free one (default: $PORT, else the config's server.port)
  --config  engine configuration (YAML; default: the demo help desk shipped with @ablauf/engine)
  --host    interface to listen on (default 127.0.0.1)

env: ABLAUF_TOKEN (admin token), ABLAUF_DB, PORT, LOG_LEVEL`

const argsSchema = z.strictObject({
  db: z.string().min(1).optional(),
  port: z.coerce.number().int().min(0).max(65_535).optional(),
  config: z.string().min(1).optional(),
  host: z.string().min(1).optional(),
  help: z.boolean().optional(),
})

/** The parsed command line of `ablauf engine`. */
export type EngineArgs = z.infer<typeof argsSchema>

/** Parses `ablauf engine` arguments; throws CONFIG_INVALID for unknown options or bad values. */
export function parseEngineArgs(argv: readonly string[]): EngineArgs {
  let values: Record<string, unknown>
  try {
    ;({ values } = parseArgs({
      args: [...argv],
      options: { db: { type: 'string' }, port: { type: 'string' }, config: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }))
  } catch (err) {
    throw new AblaufError('CONFIG_INVALID', `${err instanceof Error ? err.message : String(err)}\n${ENGINE_USAGE}`)
  }
  const r = argsSchema.safeParse(values)
  if (r.success) return r.data
  const issue = r.error.issues[0]
  throw new AblaufError('CONFIG_INVALID', `--${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}\n${ENGINE_USAGE}`)
}

/** The SQLite path of a `--db` value; a PostgreSQL URL is passed on as it is. */
export function sqlitePathOf(db: string): string {
  if (/^postgres(ql)?:\/\//i.test(db)) return db
  const path = db.replace(/^sqlite:(\/\/)?/, '')
  if (path === '' || /^[a-z][a-z0-9+.-]*:\/\//i.test(path)) throw new AblaufError('CONFIG_INVALID', `--db takes sqlite:PATH, a file path or a postgres:// URL, got "${db}"`)
  return path
}

/** Options of {@link runEngineProcess}: where to log, and what stops the engine. */
export interface EngineProcessOptions {
  /** Stops the engine when aborted; default: the process's SIGTERM and SIGINT. */
  signal?: AbortSignal
  /** Where the JSON log lines go (default stdout). */
  destination?: NodeJS.WritableStream
  /** Called once the engine listens (tests, `ablauf dev`). */
  onReady?: (engine: RunningEngine) => void
}

/**
 * `ablauf engine`: loads the config (default: the demo), opens the database (SQLite or PostgreSQL), starts the engine,
 * logs one `engine ready` line with the URL, and on SIGTERM/SIGINT (or `signal`) stops accepting,
 * lets the job worker finish or release its jobs, closes the database and resolves 0.
 * Throws CONFIG_INVALID for bad arguments, environment or config (nothing is started then).
 *
 * @example
 * ```ts
 * process.exitCode = await runEngineProcess(process.argv.slice(2), process.env)
 * ```
 */
export async function runEngineProcess(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  options: EngineProcessOptions = {},
): Promise<number> {
  const args = parseEngineArgs(argv)
  const destination = options.destination ?? pino.destination({ fd: 1, sync: true })
  if (args.help === true) {
    destination.write(`${ENGINE_USAGE}\n`)
    return 0
  }
  const { config, env: parsed } = await loadConfig(args.config ?? DEMO_CONFIG_PATH, { ...env })
  const db = sqlitePathOf(args.db ?? parsed.ABLAUF_DB ?? DEFAULT_DB)
  const logger: Logger = pino({ level: parsed.LOG_LEVEL, redact: REDACT_PATHS, base: { pid: process.pid } }, destination)
  if (parsed.ABLAUF_TOKEN === undefined) logger.warn('ABLAUF_TOKEN is not set: no admin token; only tokens of the config file are accepted')

  const stopped = waitForStop(options.signal)
  try {
    const engine = await startEngine({
      config,
      db,
      port: args.port ?? parsed.PORT ?? config.server.port,
      host: args.host ?? '127.0.0.1',
      logger,
      env,
    })
    logger.info({ url: engine.url, db: db.replace(/\/\/[^@/]*@/, '//***@'), config: args.config ?? 'demo' }, 'engine ready')
    options.onReady?.(engine)
    const why = await stopped.promise
    logger.info({ signal: why }, 'engine stopping')
    await engine.close()
    return 0
  } finally {
    stopped.dispose()
  }
}

function waitForStop(signal: AbortSignal | undefined): { promise: Promise<string>; dispose(): void } {
  if (signal !== undefined) {
    return {
      promise: signal.aborted ? Promise.resolve('abort') : new Promise((resolve) => signal.addEventListener('abort', () => resolve('abort'), { once: true })),
      dispose: () => {},
    }
  }
  let onSignal: (s: NodeJS.Signals) => void = () => {}
  const promise = new Promise<string>((resolve) => {
    onSignal = (s) => resolve(s)
  })
  // Kept until the engine is closed: a second signal during shutdown must not kill it half-way.
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
  return {
    promise,
    dispose: () => {
      process.off('SIGTERM', onSignal)
      process.off('SIGINT', onSignal)
    },
  }
}
