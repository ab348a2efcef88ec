import type { UserTaskRepo } from '../store-port.js'
import type { OpenTaskWithTicket, TaskFilter, UserTaskRow } from '../store-rows.js'
import { ParsedCache } from '../parsed-cache.js'
import type { StatementCache } from './statement-cache.js'
import { readJson, writeJson } from './stored-json.js'
import { dialogsSchema } from '../stored-row-schemas.js'


interface TaskRecord {
  id: string
  instance_id: string
  ticket_id: string
  process_id: string
  version: string
  activity: string
  dialogs: string
  status: UserTaskRow['status']
  test: number
  opened_at: string
  closed_at: string | null
}

interface TaskWithTicketRecord extends TaskRecord {
  k_number: string
  k_title: string
  k_queue: string
  k_state: string
}

/** The WHERE clause and parameters of an open-task query (tasks `t` joined with tickets `k`), or undefined when nothing can match. */
function openWhere(filter: TaskFilter): { where: string; params: unknown[] } | undefined {
  const where = [`t.status = 'open'`]
  const params: unknown[] = []
  if (filter.interface === 'agent') where.push('t.for_agent = 1')
  if (filter.interface === 'customer') where.push('t.for_customer = 1')
  if (filter.queues !== undefined) {
    if (filter.queues.length === 0) return undefined
    where.push(`k.queue IN (${filter.queues.map(() => '?').join(', ')})`)
    params.push(...filter.queues)
  }
  if (filter.customerUser !== undefined) {
    where.push('k.customer_user = ?')
    params.push(filter.customerUser)
  }
  if (filter.ticketId !== undefined) {
    where.push('t.ticket_id = ?')
    params.push(filter.ticketId)
  }
  if (filter.instanceId !== undefined) {
    where.push('t.instance_id = ?')
    params.push(filter.instanceId)
  }
  return { where: where.join(' AND '), params }
}

/**
 * Every task of one activity stores the same dialogs text, and inbox lists read hundreds of tasks: each
 * distinct text is parsed (zod) once and shared, frozen.
 */
const dialogsByText = new ParsedCache<UserTaskRow['dialogs']>(1024)

function toTask(r: TaskRecord): UserTaskRow {
  return {
    id: r.id,
    instanceId: r.instance_id,
    ticketId: r.ticket_id,
    processId: r.process_id,
    version: r.version,
    activity: r.activity,
    dialogs: dialogsByText.getOrParse(r.dialogs, () => readJson(dialogsSchema, r.dialogs, `dialogs of task ${r.id}`)),
    status: r.status,
    test: r.test === 1,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
  }
}

/** The SQLite user-task repository. */
export function sqliteTaskRepo(db: StatementCache): UserTaskRepo {
  const getSync = (id: string): UserTaskRow | undefined => {
    const r = db.one<TaskRecord>('SELECT * FROM user_tasks WHERE id = ?', id)
    return r === undefined ? undefined : toTask(r)
  }
  return {
    async open(t) {
      const forAgent = t.dialogs.some((d) => d.interface.includes('agent'))
      const forCustomer = t.dialogs.some((d) => d.interface.includes('customer'))
      db.run(
        `INSERT INTO user_tasks (id, instance_id, ticket_id, process_id, version, activity, dialogs, for_agent, for_customer,
           status, test, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)`,
        t.id, t.instanceId, t.ticketId, t.processId, t.version, t.activity, writeJson(t.dialogs), forAgent ? 1 : 0,
        forCustomer ? 1 : 0, t.test ? 1 : 0, t.openedAt,
      )
      return { ...t, status: 'open', closedAt: null }
    },
    async close(instanceId, activity, now) {
      db.run(
        `UPDATE user_tasks SET status = 'closed', closed_at = ? WHERE instance_id = ? AND activity = ? AND status = 'open'`,
        now, instanceId, activity,
      )
    },
    async get(id) {
      return getSync(id)
    },
    async listOpen(filter: TaskFilter = {}) {
      const w = openWhere(filter)
      if (w === undefined) return []
      const sql = `SELECT t.* FROM user_tasks t JOIN tickets k ON k.id = t.ticket_id
                   WHERE ${w.where} ORDER BY t.opened_at, t.rowid LIMIT ?`
      return db.all<TaskRecord>(sql, ...w.params, filter.limit ?? 1000).map(toTask)
    },
    async listOpenWithTickets(filter: TaskFilter = {}): Promise<OpenTaskWithTicket[]> {
      const w = openWhere(filter)
      if (w === undefined) return []
      const sql = `SELECT t.*, k.number AS k_number, k.title AS k_title, k.queue AS k_queue, k.state AS k_state
                   FROM user_tasks t JOIN tickets k ON k.id = t.ticket_id
                   WHERE ${w.where} ORDER BY t.opened_at, t.rowid LIMIT ?`
      return db.all<TaskWithTicketRecord>(sql, ...w.params, filter.limit ?? 1000).map((r) => ({
        ...toTask(r),
        ticket: { id: r.ticket_id, number: r.k_number, Title: r.k_title, Queue: r.k_queue, State: r.k_state },
      }))
    },
  }
}
