import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { AblaufError } from '@ablauf/sdk/errors'
import { z } from 'zod'

/** The port of `ablauf dev` when neither `--port` nor `PORT` says otherwise (DESIGN.md). */
export const DEFAULT_DEV_PORT = 8080

const port = z.coerce.number({ message: 'a port number' }).int('a whole port number').min(0, 'a port from 0 to 65535').max(65535, 'a port from 0 to 65535')

const flagsSchema = z.strictObject({
  port: port.optional(),
  db: z.string().min(1).optional(),
  dir: z.string().min(1).default('processes'),
})

const envSchema = z.object({
  PORT: port.optional(),
  ABLAUF_TOKEN: z.string().min(16, 'ABLAUF_TOKEN must have at least 16 characters').optional(),
})

/** The flags of `ablauf dev`, as commander hands them over. */
export type DevFlags = z.input<typeof flagsSchema>

/** Everything `ablauf dev` runs with, resolved: absolute paths, a port, an admin token. */
export interface DevSettings {
  port: number
  /** The SQLite file (absolute). */
  dbPath: string
  /** The process repository (absolute). */
  dir: string
  token: string
  /** True when the token was made up for this run (ABLAUF_TOKEN was not set). */
  tokenGenerated: boolean
}

/**
 * Resolves the flags and environment of `ablauf dev`: `--port` over `PORT` over 8080; `--db` over
 * `<root>/.ablauf/dev.db`; the admin token from `ABLAUF_TOKEN`, else a fresh random one.
 * Throws CONFIG_INVALID naming the flag or variable that is wrong.
 */
export function resolveDevSettings(flags: DevFlags, env: Readonly<Record<string, string | undefined>>, cwd: string, root: string): DevSettings {
  const f = flagsSchema.safeParse(flags)
  if (!f.success) throw new AblaufError('CONFIG_INVALID', f.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '))
  const blankless = Object.fromEntries(Object.entries({ PORT: env['PORT'], ABLAUF_TOKEN: env['ABLAUF_TOKEN'] }).filter(([, v]) => v !== undefined && v !== ''))
  const e = envSchema.safeParse(blankless)
  if (!e.success) throw new AblaufError('CONFIG_INVALID', e.error.issues.map((i) => `env ${i.path.join('.')}: ${i.message}`).join('; '))
  const token = e.data.ABLAUF_TOKEN
  return {
    port: f.data.port ?? e.data.PORT ?? DEFAULT_DEV_PORT,
    dbPath: path.resolve(cwd, f.data.db?.replace(/^sqlite:/, '') ?? path.join(root, '.ablauf', 'dev.db')),
    dir: path.resolve(cwd, f.data.dir),
    token: token ?? `dev-${randomBytes(24).toString('base64url')}`,
    tokenGenerated: token === undefined,
  }
}
