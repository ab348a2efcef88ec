/**
 * The `Store` port: everything the engine persists, behind one async interface with a SQLite adapter
 * (`./sqlite/`) and a PostgreSQL one (`./postgres/`) — Kysely's Dialect pattern.
 *
 * Transaction contract. All reads and writes go through `store.transaction(fn)`. The callback gets a
 * `StoreTx`; everything it writes commits together when its promise resolves and is rolled back when it
 * rejects (nothing written). One runtime step is one transaction:
 *
 *   1. `tx.instances.getForUpdate(id)` and `tx.tickets.getForUpdate(ticketId)` — lock the instance and its
 *      ticket (SQLite: the whole database is write-locked by BEGIN IMMEDIATE; PostgreSQL: SELECT … FOR UPDATE);
 *   2. run the pure `step` (and scripts, which are synchronous and do no I/O);
 *   3. write the instance, ticket changes, articles, history rows, user tasks and jobs (the outbox);
 *   4. commit. Effects that leave the engine (HTTP calls, e-mails) run later from the jobs table;
 *      `tx.afterCommit(cb)` runs `cb` only once the commit succeeded (e.g. to wake the job worker).
 *
 * Do not await anything but the `tx` inside a transaction: the SQLite adapter serialises transactions
 * (one connection), so slow work inside one blocks all others. Rows come back as plain data, already
 * validated (stored JSON is parsed with zod on the way out).
 */
import type { FieldValue } from '@ablauf/sdk/definition'
import type { ProcessInstance, TicketChanges } from '@ablauf/sdk/runtime'
import type { TargetSnapshot } from '@ablauf/sdk/target'
import type {
  ApiTokenRow,
  Article,
  Deployment,
  EmailRow,
  HistoryRow,
  InstanceFilter,
  InstanceSummaryFilter,
  InstanceSummaryRow,
  Job,
  OpenTaskWithTicket,
  NewJob,
  NewTicket,
  ProcessRow,
  StoreHealth,
  StoredVersion,
  TaskFilter,
  Ticket,
  TicketFilter,
  TicketLink,
  UserTaskRow,
} from './store-rows.js'

export type * from './store-rows.js'

/** Tickets, their dynamic fields, articles and links. */
export interface TicketRepo {
  /** Creates a ticket; the store assigns a new id and the next ticket number. */
  create(input: NewTicket): Promise<Ticket>
  /** The ticket, or undefined. */
  get(id: string): Promise<Ticket | undefined>
  /** The ticket, locked for the rest of the transaction (one step at a time per ticket). */
  getForUpdate(id: string): Promise<Ticket | undefined>
  /** The ticket with this number, or undefined. */
  getByNumber(number: string): Promise<Ticket | undefined>
  /** Tickets, newest first, optionally filtered. */
  list(filter?: TicketFilter): Promise<Ticket[]>
  /** Applies field and dynamic-field changes (`null` clears a dynamic field); throws NOT_FOUND. */
  update(id: string, changes: TicketChanges, now: string): Promise<Ticket>
  /** Appends an article; returns it with its id. */
  addArticle(article: Omit<Article, 'id'>): Promise<Article>
  /** The ticket's articles, oldest first. */
  listArticles(ticketId: string): Promise<Article[]>
  /** Links two tickets (idempotent). */
  addLink(link: TicketLink): Promise<void>
  /** Links where the ticket is source or target. */
  listLinks(ticketId: string): Promise<TicketLink[]>
}

/** Process instances (the runtime's {@link ProcessInstance}, stored as is). */
export interface InstanceRepo {
  /** Stores a new instance; throws CONFLICT when the id exists. */
  create(instance: ProcessInstance): Promise<void>
  /** The instance, or undefined. */
  get(id: string): Promise<ProcessInstance | undefined>
  /** The instance, locked for the rest of the transaction. */
  getForUpdate(id: string): Promise<ProcessInstance | undefined>
  /** Replaces the instance's state; throws NOT_FOUND. */
  update(instance: ProcessInstance): Promise<void>
  /** Instances, newest first, filtered; `after` continues a previous page. */
  list(filter?: InstanceFilter): Promise<ProcessInstance[]>
  /** Instance counts grouped by process, version and activity, ordered by those. */
  summary(filter?: InstanceSummaryFilter): Promise<InstanceSummaryRow[]>
  /** The ticket's running (or incident) top-level instance, if any — at most one per ticket. */
  activeForTicket(ticketId: string): Promise<ProcessInstance | undefined>
  /** The child started by `parentId`'s subprocess activity under `key`, if any. */
  findChild(parentId: string, key: string): Promise<ProcessInstance | undefined>
}

/** Open and closed user tasks. */
export interface UserTaskRepo {
  /** Opens a task (a user activity entered); returns it. */
  open(task: Omit<UserTaskRow, 'status' | 'closedAt'>): Promise<UserTaskRow>
  /** Closes the instance's open task(s) at `activity` (no-op when none). */
  close(instanceId: string, activity: string, now: string): Promise<void>
  /** The task, or undefined. */
  get(id: string): Promise<UserTaskRow | undefined>
  /** Open tasks, oldest first, filtered by what the caller may see. */
  listOpen(filter?: TaskFilter): Promise<UserTaskRow[]>
  /** The same tasks as {@link listOpen}, each with its ticket's headline fields, in one query (task lists). */
  listOpenWithTickets(filter?: TaskFilter): Promise<OpenTaskWithTicket[]>
}

/** Options for leasing due jobs. */
export interface LeaseOptions {
  owner: string
  now: string
  /** Lease length; an expired lease makes the job due again (the worker died). */
  leaseMs: number
  limit: number
  kinds?: string[]
}

/** The durable jobs table (the outbox). */
export interface JobRepo {
  /** Enqueues a job; an existing `key` returns the existing job and `created: false` (idempotent). */
  enqueue(job: NewJob): Promise<{ job: Job; created: boolean }>
  /** The job, or undefined. */
  get(id: number): Promise<Job | undefined>
  /** The job with this key, or undefined. */
  getByKey(key: string): Promise<Job | undefined>
  /** Leases up to `limit` due jobs (pending with runAt <= now, or leased with an expired lease); attempts + 1. */
  lease(options: LeaseOptions): Promise<Job[]>
  /** Marks a job leased by `owner` done; false when the lease was lost. */
  complete(id: number, owner: string, result: Job['result'], now: string): Promise<boolean>
  /** Records a failed attempt: reschedules at `retryAt`, or marks it failed when null; false when the lease was lost. */
  fail(id: number, owner: string, error: string, retryAt: string | null, now: string): Promise<boolean>
  /** Gives back the owner's leases (all, or the listed ids) without counting the attempt (graceful shutdown). */
  release(owner: string, ids?: number[]): Promise<number>
  /** Jobs of an instance or ticket, oldest first. */
  list(filter?: { instanceId?: string; ticketId?: string; status?: Job['status'] }): Promise<Job[]>
  /** Number of jobs per status (queue depth gauge). */
  counts(): Promise<Record<Job['status'], number>>
  /** The earliest runAt of a pending job (the worker's next wake-up), or undefined. */
  nextRunAt(): Promise<string | undefined>
}

/** The history of tickets and instances. */
export interface HistoryRepo {
  /** Appends rows in order. */
  append(rows: Omit<HistoryRow, 'id'>[]): Promise<void>
  /** A ticket's rows, oldest first. */
  listForTicket(ticketId: string): Promise<HistoryRow[]>
  /** An instance's rows, oldest first. */
  listForInstance(instanceId: string): Promise<HistoryRow[]>
}

/** E-mails: captured in test mode, or queued and sent by the mailer. */
export interface EmailRepo {
  /** Records an e-mail; an existing `key` returns the existing row (idempotent). */
  record(email: Omit<EmailRow, 'id' | 'sentAt'>): Promise<EmailRow>
  /** Marks an e-mail sent or failed. */
  mark(id: number, status: 'sent' | 'failed', now: string): Promise<void>
  /** E-mails, oldest first, optionally of one ticket. */
  list(filter?: { ticketId?: string }): Promise<EmailRow[]>
}

/** Deployed processes, their immutable versions and the deployments that made them. */
export interface ProcessRepo {
  /** The process, or undefined. */
  get(id: string): Promise<ProcessRow | undefined>
  /** All deployed processes, by id. */
  list(): Promise<ProcessRow[]>
  /** Creates or replaces a process row. */
  put(row: ProcessRow): Promise<void>
  /** Stores a new version with the next version number; returns it. */
  addVersion(version: Omit<StoredVersion, 'version'>): Promise<StoredVersion>
  /** The version by number, or undefined. */
  getVersion(processId: string, version: number): Promise<StoredVersion | undefined>
  /** The version with this content hash, or undefined. */
  getVersionByHash(processId: string, hash: string): Promise<StoredVersion | undefined>
  /** A process's versions, oldest first. */
  listVersions(processId: string): Promise<StoredVersion[]>
  /** Active versions of active processes (what `ticket.created` may start). */
  listStartable(): Promise<StoredVersion[]>
  /** Records a deployment. */
  addDeployment(deployment: Deployment): Promise<void>
  /** The deployment, or undefined. */
  getDeployment(id: string): Promise<Deployment | undefined>
  /** Deployments, newest first. */
  listDeployments(limit?: number): Promise<Deployment[]>
  /** The newest deployment, or undefined. */
  latestDeployment(): Promise<Deployment | undefined>
}

/** The target snapshot deployments were last validated against. */
export interface TargetRepo {
  /** The stored snapshot, or undefined. */
  get(): Promise<TargetSnapshot | undefined>
  /** Replaces the stored snapshot. */
  put(target: TargetSnapshot, now: string): Promise<void>
}

/** API tokens, by sha256 hash. */
export interface TokenRepo {
  /** Creates or replaces the token called `name`. */
  put(token: ApiTokenRow): Promise<void>
  /** The token with this sha256 hex hash, or undefined. */
  findByHash(hash: string): Promise<ApiTokenRow | undefined>
  /** All tokens (hashes included, never the secrets). */
  list(): Promise<ApiTokenRow[]>
  /** Deletes a token; false when there was none. */
  remove(name: string): Promise<boolean>
}

/** Everything a transaction can do. */
export interface StoreTx {
  tickets: TicketRepo
  instances: InstanceRepo
  userTasks: UserTaskRepo
  jobs: JobRepo
  history: HistoryRepo
  emails: EmailRepo
  processes: ProcessRepo
  target: TargetRepo
  tokens: TokenRepo
  /** Runs `cb` after a successful commit (never after a rollback). */
  afterCommit(cb: () => void): void
}

/** Options of {@link Store.transaction}. */
export interface TransactionOptions {
  /** A read-only transaction (may run without the write lock). */
  readOnly?: boolean
}

/** The persistence port. */
export interface Store {
  /** Runs `fn` in one transaction: commit when it resolves, roll back (nothing written) when it rejects. */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>, options?: TransactionOptions): Promise<T>
  /** Database reachable and migrations applied? (for /readyz) */
  health(): Promise<StoreHealth>
  /** Closes the connection; waits for a running transaction first. */
  close(): Promise<void>
  /**
   * Calls `cb` whenever jobs may have become due through any engine on this database (PostgreSQL:
   * LISTEN/NOTIFY `ablauf_jobs`); returns the unsubscribe function. Optional: a store that only one
   * engine uses (SQLite) has none, its worker is woken in-process.
   */
  onJobsAvailable?(cb: () => void): () => void
}

/** The engine's clock, injected so tests and simulations control time. */
export interface Clock {
  now(): Date
}

/** The wall clock. */
export const systemClock: Clock = { now: () => new Date() }

/** Field values of a ticket's dynamic fields, as stored. */
export type DynamicFieldValues = Record<string, FieldValue>

