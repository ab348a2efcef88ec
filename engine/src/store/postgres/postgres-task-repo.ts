import type { UserTaskRepo } from '../store-port.js'
import type { OpenTaskWithTicket, TaskFilter, UserTaskRow } from '../store-rows.js'
import { readJsonb, writeJsonb } from './postgres-json.js'
import { dialogsSchema } from '../stored-row-schemas.js'
import type { PgSession, SqlParam } from './postgres-session.js'

interface TaskRecord {
  id: string
  instance_id: string
  ticket_id: string
  process_id: string
  version: string
  activity: string
  dialogs: unknown
  status: UserTaskRow['status']
  test: boolean
  opened_at: string
  closed_at: string | null
}

const COLUMNS = 't.id, t.instance_id, t.ticket_id, t.process_id, t.version, t.activity, t.dialogs, t.status, t.test, t.opened_at, t.closed_at'

interface TaskWithTicketRecord extends TaskRecord {
  k_number: string
  k_title: string
  k_queue: string
  k_state: string
}

/** The filter of an open-task query (tasks `t` joined with tickets `k`); `$1`…`$6` as `openParams` lists them. */
const OPEN_WHERE = `t.status = 'open'
  AND ($1::text IS NULL OR ($1 = 'agent' AND t.for_agent) OR ($1 = 'customer' AND t.for_customer))
  AND ($2::text[] IS NULL OR k.queue = ANY($2))
  AND ($3::text IS NULL OR k.customer_user = $3)
  AND ($4::text IS NULL OR t.ticket_id = $4)
  AND ($5::text IS NULL OR t.instance_id = $5)
  ORDER BY t.opened_at, t.seq LIMIT $6`

const openParams = (filter: TaskFilter): SqlParam[] => [
  filter.interface ?? null, filter.queues ?? null, filter.customerUser ?? null, filter.ticketId ?? null, filter.instanceId ?? null, filter.limit ?? 1000,
]

function toTask(r: TaskRecord): UserTaskRow {
  return {
    id: r.id,
    instanceId: r.instance_id,
    ticketId: r.ticket_id,
    processId: r.process_id,
    version: r.version,
    activity: r.activity,
    dialogs: readJsonb(dialogsSchema, r.dialogs, `dialogs of task ${r.id}`),
    status: r.status,
    test: r.test,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
  }
}

/** The PostgreSQL user-task repository. */
export function postgresTaskRepo(db: PgSession): UserTaskRepo {
  return {
    async open(t) {
      await db.run(
        `INSERT INTO user_tasks (id, instance_id, ticket_id, process_id, version, activity, dialogs, for_agent, for_customer,
           status, test, opened_at) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, 'open', $10, $11)`,
        t.id, t.instanceId, t.ticketId, t.processId, t.version, t.activity, writeJsonb(t.dialogs),
        t.dialogs.some((d) => d.interface.includes('agent')), t.dialogs.some((d) => d.interface.includes('customer')), t.test, t.openedAt,
      )
      return { ...t, status: 'open', closedAt: null }
    },
    async close(instanceId, activity, now) {
      await db.run(
        `UPDATE user_tasks SET status = 'closed', closed_at = $1 WHERE instance_id = $2 AND activity = $3 AND status = 'open'`,
        now, instanceId, activity,
      )
    },
    async get(id) {
      const r = await db.one<TaskRecord>(`SELECT ${COLUMNS} FROM user_tasks t WHERE t.id = $1`, id)
      return r === undefined ? undefined : toTask(r)
    },
    async listOpen(filter: TaskFilter = {}) {
      if (filter.queues !== undefined && filter.queues.length === 0) return []
      const rows = await db.all<TaskRecord>(`SELECT ${COLUMNS} FROM user_tasks t JOIN tickets k ON k.id = t.ticket_id WHERE ${OPEN_WHERE}`, ...openParams(filter))
      return rows.map(toTask)
    },
    async listOpenWithTickets(filter: TaskFilter = {}): Promise<OpenTaskWithTicket[]> {
      if (filter.queues !== undefined && filter.queues.length === 0) return []
      const rows = await db.all<TaskWithTicketRecord>(
        `SELECT ${COLUMNS}, k.number AS k_number, k.title AS k_title, k.queue AS k_queue, k.state AS k_state
         FROM user_tasks t JOIN tickets k ON k.id = t.ticket_id WHERE ${OPEN_WHERE}`,
        ...openParams(filter),
      )
      return rows.map((r) => ({ ...toTask(r), ticket: { id: r.ticket_id, number: r.k_number, Title: r.k_title, Queue: r.k_queue, State: r.k_state } }))
    },
  }
}
