import { Router } from 'express'
import { z } from 'zod'
import { AblaufError } from '@ablauf/sdk/errors'
import { createTicketSchema, updateTicketSchema } from '../tickets/ticket-input.js'
import { actorOf, agentQueues, inScope, requireScope, ticketScope } from './auth/principal.js'
import { principal } from './auth/token-auth.js'
import type { HttpDeps } from './http-deps.js'
import { parseInput } from './parse-input.js'

const idParams = z.strictObject({ id: z.string().min(1).max(100) })
const noQuery = z.strictObject({})

/** `/tickets`: create (agents, customers), read (within scope), change (agents), history. */
export function ticketsRoutes(deps: HttpDeps): Router {
  const r = Router()
  const { store, target, runtime, tickets } = deps

  const load = async (id: string, scope: ReturnType<typeof ticketScope>) => {
    const ticket = await store.transaction((tx) => tx.tickets.get(id), { readOnly: true })
    if (ticket === undefined || !inScope(scope, ticket)) throw new AblaufError('NOT_FOUND', `ticket "${id}" does not exist`)
    return ticket
  }

  r.post('/tickets', async (req, res) => {
    const p = principal(req)
    requireScope(p, 'agent', 'customer')
    const body = parseInput(createTicketSchema, req.body, 'body')
    if (!p.admin && p.customer !== undefined) {
      if (body.CustomerUser !== undefined && body.CustomerUser !== p.customer) throw new AblaufError('FORBIDDEN', 'customers create tickets for themselves only')
      body.CustomerUser = p.customer
    } else if (!p.admin && p.agent !== undefined && !agentQueues(target, p.agent).includes(body.Queue)) {
      throw new AblaufError('FORBIDDEN', `agent "${p.agent}" may not work on queue "${body.Queue}"`)
    }
    const actor = actorOf(p)
    // The ticket service starts the process in the ticket's own transaction; `ticket` is after the start.
    const { ticket, instance } = await tickets.create(body, actor)
    res.status(201).json({ ticket, instance })
  })

  r.get('/tickets/:id', async (req, res) => {
    const p = principal(req)
    const { id } = parseInput(idParams, req.params, 'params')
    parseInput(noQuery, req.query, 'query')
    const ticket = await load(id, ticketScope(p, target))
    const customerView = !p.admin && p.customer !== undefined
    const [articles, links, instances] = await store.transaction(
      async (tx) => [await tx.tickets.listArticles(id), await tx.tickets.listLinks(id), await tx.instances.list({ ticketId: id })] as const,
      { readOnly: true },
    )
    res.json({
      ticket,
      articles: customerView ? articles.filter((a) => a.visibleForCustomer) : articles,
      links,
      instances: customerView ? [] : instances,
    })
  })

  r.patch('/tickets/:id', async (req, res) => {
    const p = principal(req)
    requireScope(p, 'agent')
    const { id } = parseInput(idParams, req.params, 'params')
    const body = parseInput(updateTicketSchema, req.body, 'body')
    const scope = ticketScope(p, target)
    const actor = actorOf(p)
    const { ticket, changed } = await tickets.update(id, body, actor, (t) => inScope(scope, t))
    if (changed.length > 0) await runtime.ticketUpdated(id, actor)
    const fresh = await store.transaction((tx) => tx.tickets.get(id), { readOnly: true })
    res.json({ ticket: fresh ?? ticket, changed })
  })

  r.get('/tickets/:id/history', async (req, res) => {
    const p = principal(req)
    if (!p.admin && p.customer !== undefined && p.agent === undefined && !p.scopes.includes('read')) {
      throw new AblaufError('FORBIDDEN', 'customers do not see the process history')
    }
    const { id } = parseInput(idParams, req.params, 'params')
    parseInput(noQuery, req.query, 'query')
    await load(id, ticketScope(p, target))
    res.json({ history: await store.transaction((tx) => tx.history.listForTicket(id), { readOnly: true }) })
  })
  return r
}
