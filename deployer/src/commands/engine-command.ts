import path from 'node:path'
import type { Command } from 'commander'
import { z } from 'zod'
import { runEngineProcess } from '@ablauf/engine'
import type { CommandContext, CommandModule } from './command-context.js'

const optionsSchema = z.strictObject({
  db: z.string().min(1).optional(),
  port: z.string().min(1).optional(),
  config: z.string().min(1).optional(),
  host: z.string().min(1).optional(),
})

/** A `--db` value with a relative SQLite path made absolute against the CLI's cwd; URLs pass through. */
function dbArg(db: string, cwd: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(db)) return db
  const file = db.replace(/^sqlite:/, '')
  return `sqlite:${path.resolve(cwd, file)}`
}

/**
 * `ablauf engine [--db sqlite:PATH|PATH|postgres://…] [--port N] [--config F] [--host H]`: runs the engine in this
 * process (see `runEngineProcess` of @ablauf/engine) until SIGINT/SIGTERM; JSON log lines on stdout.
 */
export const engineCommand: CommandModule = {
  register(program: Command, ctx: CommandContext): void {
    program
      .command('engine')
      .description('run the engine (HTTP API, runtime, job worker) on SQLite, or on PostgreSQL shared by several engines')
      .option('--db <db>', 'sqlite:PATH, a file path or a postgres://user:pw@host/db URL (default: $ABLAUF_DB, else ./ablauf.db)')
      .option('--port <n>', 'port; 0 picks a free one (default: $PORT, else the config\'s server.port)')
      .option('--config <file>', 'engine configuration YAML (default: the demo help desk)')
      .option('--host <host>', 'interface to listen on (default 127.0.0.1)')
      .action(async (raw: unknown) => {
        const o = optionsSchema.parse(raw)
        const argv = [
          ...(o.db === undefined ? [] : ['--db', dbArg(o.db, ctx.cwd)]),
          ...(o.port === undefined ? [] : ['--port', o.port]),
          ...(o.config === undefined ? [] : ['--config', path.resolve(ctx.cwd, o.config)]),
          ...(o.host === undefined ? [] : ['--host', o.host]),
        ]
        ctx.setExitCode(await runEngineProcess(argv, ctx.env, { signal: ctx.signal }))
      })
  },
}
