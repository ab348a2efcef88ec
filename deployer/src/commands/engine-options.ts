import { AblaufError } from '@ablauf/sdk/errors'
import { z } from 'zod'
import type { CommandContext } from './command-context.js'

const engineSchema = z.strictObject({
  url: z.url({ message: 'the engine URL must be an http(s) URL, e.g. http://localhost:8080' }),
  token: z.string().min(1).optional(),
})

/** Where the engine is and how to authenticate: flags first, then ABLAUF_ENGINE_URL / ABLAUF_TOKEN. */
export type EngineOptions = z.infer<typeof engineSchema>

export function engineOptions(flags: { engine?: string | undefined; token?: string | undefined }, ctx: CommandContext): EngineOptions {
  const url = flags.engine ?? ctx.env['ABLAUF_ENGINE_URL']
  if (url === undefined || url === '') {
    throw new AblaufError('CONFIG_INVALID', 'no engine given: pass --engine URL or set ABLAUF_ENGINE_URL')
  }
  const token = flags.token ?? ctx.env['ABLAUF_TOKEN']
  const r = engineSchema.safeParse({ url, ...(token ? { token } : {}) })
  if (!r.success) throw new AblaufError('CONFIG_INVALID', r.error.issues.map((i) => i.message).join('; '))
  return r.data
}
