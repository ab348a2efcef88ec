import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { loadConfig, startEngine, type RunningEngine } from '@ablauf/engine'
import { AblaufError } from '@ablauf/sdk/errors'
import type { Logger } from 'pino'

/** Options of {@link startDevEngine}. */
export interface DevEngineOptions {
  port: number
  /** The SQLite file; its directory is created when missing. */
  dbPath: string
  token: string
  logger: Logger
  env: Readonly<Record<string, string | undefined>>
}

/** The engine's demo configuration (`engine/config/demo.yaml` of the installed `@ablauf/engine`). */
export function demoConfigPath(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve('@ablauf/engine'))
  for (;;) {
    const manifest = path.join(dir, 'package.json')
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === '@ablauf/engine') {
      return path.join(dir, 'config', 'demo.yaml')
    }
    const parent = path.dirname(dir)
    if (parent === dir) throw new AblaufError('CONFIG_INVALID', 'cannot find the @ablauf/engine package (and its config/demo.yaml); run npm install')
    dir = parent
  }
}

/**
 * Starts the engine in this process on SQLite with the demo target. Mails are captured in the
 * engine's outbox instead of going to the demo's SMTP server, which a laptop does not run.
 * A busy port is the engine's CONFIG_INVALID saying how to pick another one.
 */
export async function startDevEngine(options: DevEngineOptions): Promise<RunningEngine> {
  const { config } = await loadConfig(demoConfigPath(), { ...options.env })
  const { smtp: _smtp, ...withoutSmtp } = config
  // The demo's extra tokens (e.g. `ci` from ABLAUF_CI_TOKEN) only when their variable is set: the dev
  // admin token is the one to use, and a warning about the others would only be noise here.
  const tokens = config.tokens.filter((t) => 'sha256' in t || (options.env[t.tokenEnv] ?? '') !== '')
  mkdirSync(path.dirname(options.dbPath), { recursive: true })
  return startEngine({
    config: { ...withoutSmtp, tokens },
    db: options.dbPath,
    port: options.port,
    host: '127.0.0.1',
    logger: options.logger,
    env: options.env,
    adminToken: options.token,
  })
}
