import { Router } from 'express'
import { z } from 'zod'
import { fieldValueSchema, idSchema, type ProcessDefinition } from '@ablauf/sdk/definition'
import { AblaufError } from '@ablauf/sdk/errors'
import type { TaskFilter, Ticket, UserTaskRow } from '../store/store-rows.js'
import { actorOf, agentQueues, requireScope, type Principal } from './auth/principal.js'
import { principal } from './auth/token-auth.js'
import type { HttpDeps } from './http-deps.js'
import { parseInput } from './parse-input.js'
import { taskListJson } from './task-list-json.js'

const listQuery = z.strictObject({ ticket: z.string().min(1).max(100).optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) })
const idParams = z.strictObject({ id: z.string().min(1).max(100) })
const submitBody = z.strictObject({
  dialog: idSchema,
  values: z.record(z.string().min(1).max(250), fieldValueSchema).default({}),
  article: z.strictObject({ subject: z.string().max(1000), body: z.string().max(100_000) }).optional(),
})

/** The interface a principal uses, or undefined for admin/read (who see every dialog). */
function interfaceOf(p: Principal): 'agent' | 'customer' | undefined {
  if (p.admin || p.scopes.includes('read')) return undefined
  return p.agent !== undefined ? 'agent' : 'customer'
}

/** `/tasks`: open user tasks the caller may see; `/tasks/:id/submit`. */
export function tasksRoutes(deps: HttpDeps): Router {
  const r = Router()
  const { store, target, runtime } = deps
  const writeTaskList = taskListJson(target)

  const visibility = (p: Principal): TaskFilter => {
    const ui = interfaceOf(p)
    if (ui === undefined) return {}
    if (ui === 'agent' && p.agent !== undefined) return { interface: 'agent', queues: agentQueues(target, p.agent) }
    if (p.customer !== undefined) return { interface: 'customer', customerUser: p.customer }
    throw new AblaufError('FORBIDDEN', `token "${p.token}" may not see tasks`)
  }

  /** Whether the principal may see a task (open or closed): the same rules as the task list. */
  const visibleTo = (p: Principal, task: UserTaskRow, ticket: { Queue: string; CustomerUser: string | null }): boolean => {
    const f = visibility(p)
    const ui = f.interface
    if (ui !== undefined && !task.dialogs.some((d) => d.interface.includes(ui))) return false
    if (f.queues !== undefined && !f.queues.includes(ticket.Queue)) return false
    return f.customerUser === undefined || ticket.CustomerUser === f.customerUser
  }

  r.get('/tasks', async (req, res) => {
    const p = principal(req)
    requireScope(p, 'read', 'agent', 'customer')
    const q = parseInput(listQuery, req.query, 'query')
    const ui = interfaceOf(p)
    const body = await store.transaction(
      async (tx) => {
        // One query for the tasks and their tickets' headline fields.
        const rows = await tx.userTasks.listOpenWithTickets({ ...visibility(p), limit: q.limit, ...(q.ticket === undefined ? {} : { ticketId: q.ticket }) })
        // Many open tasks share a few process versions: read each once per request.
        const versions = new Map<string, ProcessDefinition | undefined>()
        for (const task of rows) {
          const key = `${task.processId}@${task.version}`
          if (!versions.has(key)) versions.set(key, (await tx.processes.getVersionByHash(task.processId, task.version))?.definition)
        }
        return writeTaskList(rows, (task) => versions.get(`${task.processId}@${task.version}`), ui)
      },
      { readOnly: true },
    )
    res.type('json').send(body)
  })

  r.post('/tasks/:id/submit', async (req, res) => {
    const p = principal(req)
    requireScope(p, 'agent', 'customer')
    const { id } = parseInput(idParams, req.params, 'params')
    const body = parseInput(submitBody, req.body, 'body')
    const ui = interfaceOf(p)
    // The checks run inside the runtime's transaction: the task and ticket they see are the ones submitted to.
    const authorize = (task: UserTaskRow | undefined, ticket: Ticket | undefined): void => {
      if (task === undefined || ticket === undefined || !visibleTo(p, task, ticket)) throw new AblaufError('NOT_FOUND', `task "${id}" does not exist or is not open for this token`)
      if (task.status !== 'open') {
        throw new AblaufError('WRONG_ACTIVITY', `task "${id}" is closed: the ticket has left activity "${task.activity}"`, { taskId: id, activity: task.activity })
      }
      const dialog = task.dialogs.find((d) => d.id === body.dialog)
      if (dialog === undefined) throw new AblaufError('WRONG_ACTIVITY', `task "${id}" has no dialog "${body.dialog}"`, { dialogs: task.dialogs.map((d) => d.id) })
      if (ui !== undefined && !dialog.interface.includes(ui)) throw new AblaufError('FORBIDDEN', `dialog "${body.dialog}" is not offered to ${ui}s`)
    }
    const instance = await runtime.submitDialog(
      id,
      { dialog: body.dialog, values: body.values, ...(body.article === undefined ? {} : { article: body.article }) },
      actorOf(p),
      authorize,
    )
    res.json({ instance })
  })
  return r
}
