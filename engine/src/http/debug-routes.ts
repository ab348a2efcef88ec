import { Router } from 'express'
import { z } from 'zod'
import { idSchema } from '@ablauf/sdk/definition'
import { requireScope } from './auth/principal.js'
import { principal } from './auth/token-auth.js'
import type { HttpDeps } from './http-deps.js'
import { parseInput } from './parse-input.js'

/** The body of `PUT /api/v1/debug/trace`. */
export const traceRequestSchema = z
  .strictObject({
    process: idSchema.optional(),
    /** A ticket id or ticket number. */
    ticket: z.union([z.string().min(1).max(100), z.number().int().nonnegative().transform(String)]).optional(),
    level: z.enum(['trace', 'debug', 'off']),
    /** The rule ends after this many seconds (at most a day); without it, it lasts until `off` or a restart. */
    ttlSeconds: z.number().int().min(1).max(86_400).optional(),
  })
  .refine((b) => b.process !== undefined || b.ticket !== undefined, 'name a process or a ticket (or both)')

const noQuery = z.strictObject({})

/** `/debug/trace` (admin): raise the log level of one process or one ticket, for a while. */
export function debugRoutes(deps: Pick<HttpDeps, 'trace' | 'logger'>): Router {
  const r = Router()
  const log = deps.logger.child({ component: 'debug' })
  r.get('/debug/trace', (req, res) => {
    requireScope(principal(req))
    parseInput(noQuery, req.query, 'query')
    res.json({ rules: deps.trace.list() })
  })
  r.put('/debug/trace', (req, res) => {
    const p = principal(req)
    requireScope(p)
    parseInput(noQuery, req.query, 'query')
    const body = parseInput(traceRequestSchema, req.body, 'body')
    deps.trace.set(body)
    log.info({ process: body.process, ticket: body.ticket, level: body.level, ttlSeconds: body.ttlSeconds, by: p.token }, 'trace level set')
    res.json({ rules: deps.trace.list() })
  })
  return r
}
