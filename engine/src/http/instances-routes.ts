import { Router } from 'express'
import { z } from 'zod'
import { idSchema } from '@ablauf/sdk/definition'
import { AblaufError } from '@ablauf/sdk/errors'
import { actorOf, requireScope } from './auth/principal.js'
import { principal } from './auth/token-auth.js'
import type { HttpDeps } from './http-deps.js'
import { parseInput } from './parse-input.js'

const stateSchema = z.enum(['running', 'completed', 'incident', 'canceled'])
const listQuery = z.strictObject({
  process: idSchema.optional(),
  state: stateSchema.optional(),
  ticket: z.string().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  /** The `next` cursor of the previous page. */
  after: z.string().min(1).max(100).optional(),
})
const summaryQuery = z.strictObject({ process: idSchema.optional(), state: stateSchema.optional() })
const idParams = z.strictObject({ id: z.string().min(1).max(100) })
const emptyBody = z.union([z.strictObject({}), z.undefined()])

/** `/instances` (read; paged by `after`), `/instances/summary` (read), `/instances/:id/retry` (admin). */
export function instancesRoutes(deps: HttpDeps): Router {
  const r = Router()
  const { store, runtime } = deps
  r.get('/instances', async (req, res) => {
    requireScope(principal(req), 'read')
    const q = parseInput(listQuery, req.query, 'query')
    // One more than asked tells whether another page follows.
    const rows = await store.transaction(
      (tx) =>
        tx.instances.list({
          limit: q.limit + 1,
          ...(q.process === undefined ? {} : { processId: q.process }),
          ...(q.state === undefined ? {} : { status: q.state }),
          ...(q.ticket === undefined ? {} : { ticketId: q.ticket }),
          ...(q.after === undefined ? {} : { after: q.after }),
        }),
      { readOnly: true },
    )
    const instances = rows.slice(0, q.limit)
    res.json({ instances, next: rows.length > q.limit ? (instances.at(-1)?.id ?? null) : null })
  })
  r.get('/instances/summary', async (req, res) => {
    requireScope(principal(req), 'read', 'deploy')
    const q = parseInput(summaryQuery, req.query, 'query')
    const summary = await store.transaction(
      (tx) => tx.instances.summary({ ...(q.process === undefined ? {} : { processId: q.process }), ...(q.state === undefined ? {} : { status: q.state }) }),
      { readOnly: true },
    )
    res.json({ summary })
  })
  r.get('/instances/:id', async (req, res) => {
    requireScope(principal(req), 'read')
    const { id } = parseInput(idParams, req.params, 'params')
    const found = await store.transaction(
      async (tx) => {
        const instance = await tx.instances.get(id)
        if (instance === undefined) return undefined
        return { instance, history: await tx.history.listForInstance(id), jobs: await tx.jobs.list({ instanceId: id }), tasks: await tx.userTasks.listOpen({ instanceId: id }) }
      },
      { readOnly: true },
    )
    if (found === undefined) throw new AblaufError('NOT_FOUND', `instance "${id}" does not exist`)
    res.json(found)
  })
  r.post('/instances/:id/retry', async (req, res) => {
    const p = principal(req)
    requireScope(p)
    const { id } = parseInput(idParams, req.params, 'params')
    parseInput(emptyBody, req.body, 'body')
    res.json({ instance: await runtime.retry(id, actorOf(p)) })
  })
  return r
}
