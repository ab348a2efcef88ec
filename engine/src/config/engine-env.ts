import { z } from 'zod'
import { AblaufError } from '@ablauf/sdk/errors'

/** The environment variables the engine reads. */
export const engineEnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** An admin token (scopes: admin) when set. */
  ABLAUF_TOKEN: z.string().min(16, 'ABLAUF_TOKEN must have at least 16 characters').optional(),
  /** The database: a SQLite file (`sqlite:PATH` or a path) or a `postgres://` URL. */
  ABLAUF_DB: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
})
export type EngineEnv = z.infer<typeof engineEnvSchema>

/** Parses the engine's environment variables; throws CONFIG_INVALID naming the variable. */
export function parseEngineEnv(env: Record<string, string | undefined>): EngineEnv {
  const picked = Object.fromEntries(
    Object.keys(engineEnvSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  )
  const r = engineEnvSchema.safeParse(picked)
  if (r.success) return r.data
  const issues = r.error.issues.map((i) => ({ code: 'ENV_INVALID', path: i.path.map(String), message: i.message }))
  throw new AblaufError('CONFIG_INVALID', issues.map((i) => `env ${i.path.join('.')}: ${i.message}`).join('\n'), { issues })
}
