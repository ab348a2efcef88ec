import type { ArticleSpec, FieldValue, JsonValue, ProcessDefinition, ProcessState } from '@ablauf/sdk/definition'
import type { Actor, HistoryEntry, ProcessInstance, TicketSnapshot } from '@ablauf/sdk/runtime'

/** A ticket as stored: the runtime's snapshot plus timestamps. */
export interface Ticket extends TicketSnapshot {
  createdAt: string
  updatedAt: string
}

/** What creating a ticket takes; the store assigns `id` and `number`. */
export interface NewTicket {
  Title: string
  Queue: string
  State: string
  Priority: string
  Type?: string | null
  Service?: string | null
  SLA?: string | null
  Owner?: string | null
  Responsible?: string | null
  CustomerUser?: string | null
  CustomerID?: string | null
  Lock?: 'lock' | 'unlock'
  PendingTime?: string | null
  DynamicField?: Record<string, FieldValue>
  test?: boolean
  now: string
}

/** Filters for listing tickets. */
export interface TicketFilter {
  queues?: string[]
  customerUser?: string
  limit?: number
}

/** An article of a ticket (Znuny's article), oldest first by `seq`. */
export interface Article extends ArticleSpec {
  id: number
  ticketId: string
  createdAt: string
  createdBy: string | null
}

/** A link between two tickets. */
export interface TicketLink {
  sourceTicketId: string
  targetTicketId: string
  type: 'ParentChild' | 'Normal'
  createdAt: string
}

/** Filters for listing instances. */
export interface InstanceFilter {
  processId?: string
  status?: ProcessInstance['status']
  ticketId?: string
  limit?: number
  /** Cursor paging: only instances listed after the instance with this id (in the list's order). */
  after?: string
}

/** Filters of {@link InstanceSummaryRow}s. */
export interface InstanceSummaryFilter {
  processId?: string
  status?: ProcessInstance['status']
}

/** How many instances of a process version sit in an activity (one GROUP BY row). */
export interface InstanceSummaryRow {
  processId: string
  /** The content hash instances name their version by. */
  version: string
  /** The version's number, or null when the engine has no version with that hash. */
  versionNumber: number | null
  activity: string | null
  count: number
}

/** A dialog of an open user task and who may use it. */
export interface TaskDialogRef {
  id: string
  interface: ('agent' | 'customer')[]
}

/** A user task: an instance waiting in a `user` activity for one of its dialogs. */
export interface UserTaskRow {
  id: string
  instanceId: string
  ticketId: string
  processId: string
  version: string
  activity: string
  dialogs: TaskDialogRef[]
  status: 'open' | 'closed'
  test: boolean
  openedAt: string
  closedAt: string | null
}

/** The headline fields of a task's ticket, as a task list shows them. */
export interface TaskTicketRef {
  id: string
  number: string
  Title: string
  Queue: string
  State: string
}

/** An open user task with its ticket's headline fields. */
export interface OpenTaskWithTicket extends UserTaskRow {
  ticket: TaskTicketRef
}

/** Which open tasks a caller may see (filters combine with AND). */
export interface TaskFilter {
  /** Only tasks with at least one dialog for this interface. */
  interface?: 'agent' | 'customer'
  /** Only tasks whose ticket is in one of these queues. */
  queues?: string[]
  /** Only tasks whose ticket belongs to this customer user. */
  customerUser?: string
  ticketId?: string
  instanceId?: string
  limit?: number
}

/** Kinds of durable jobs; the worker dispatches on this. */
export type JobKind = 'service' | 'email' | 'script' | 'subprocess' | 'ticket.create' | 'timer' | (string & {})

/** A durable job: at-least-once, idempotent by `key`, leased by one worker at a time. */
export interface Job {
  id: number
  key: string
  kind: JobKind
  payload: JsonValue
  instanceId: string | null
  ticketId: string | null
  status: 'pending' | 'leased' | 'done' | 'failed'
  runAt: string
  attempts: number
  maxAttempts: number
  leaseOwner: string | null
  leaseExpiresAt: string | null
  lastError: string | null
  result: JsonValue | null
  createdAt: string
  updatedAt: string
}

/** What enqueueing a job takes. */
export interface NewJob {
  key: string
  kind: JobKind
  payload: JsonValue
  instanceId?: string | null
  ticketId?: string | null
  runAt: string
  maxAttempts?: number
  now: string
}

/** History rows written by the engine itself, besides the runtime's {@link HistoryEntry}s. */
export interface EngineHistoryEntry {
  type:
    | 'ticket.created'
    | 'ticket.updated'
    | 'article.added'
    | 'link.added'
    | 'job.attempt'
    | 'email.captured'
    | 'email.sent'
    | 'start.skipped'
    | 'retry.requested'
  at: string
  message?: string
  actor?: Actor
  data?: Record<string, JsonValue>
}

/** One history row of a ticket and (optionally) an instance. */
export interface HistoryRow {
  id: number
  ticketId: string
  instanceId: string | null
  entry: HistoryEntry | EngineHistoryEntry
}

/** A captured (test mode) or sent e-mail, idempotent by `key`. */
export interface EmailRow {
  id: number
  key: string
  ticketId: string | null
  instanceId: string | null
  to: string[]
  cc: string[]
  bcc: string[]
  template: string | null
  subject: string
  body: string
  status: 'captured' | 'queued' | 'sent' | 'failed'
  test: boolean
  createdAt: string
  sentAt: string | null
}

/** A deployed process: its lifecycle state and which version new instances take. */
export interface ProcessRow {
  id: string
  name: string
  state: ProcessState
  /** The version number new instances take (null when never activated). */
  activeVersion: number | null
  activeHash: string | null
  createdAt: string
  updatedAt: string
}

/** An immutable version of a process definition. */
export interface StoredVersion {
  processId: string
  /** 1, 2, 3 … per process. */
  version: number
  hash: string
  definition: ProcessDefinition
  sourceCommit: string
  deploymentId: string
  createdAt: string
}

/** Who/what a deployment came from. */
export interface DeploymentSource {
  commit: string
  ref: string
  author: string
}

/** One step of a deployment plan. */
export interface DeploymentPlanStep {
  processId: string
  op: 'create' | 'update' | 'unchanged' | 'rollback' | 'fade-away'
  hash: string | null
  /** The version the process runs after the deployment (null for fade-away of a never-active one). */
  version: number | null
  previousVersion: number | null
}

/** A deployment: one atomic change to the set of deployed processes. */
export interface Deployment {
  id: string
  basedOn: string | null
  source: DeploymentSource
  plan: DeploymentPlanStep[]
  actor: string
  createdAt: string
}

/** An API token (only its sha256 hash is stored). */
export interface ApiTokenRow {
  name: string
  hash: string
  scopes: string[]
  createdAt: string
}

/** Status of the store for readiness probes. */
export interface StoreHealth {
  ok: boolean
  migrationsApplied: number
  migrationsKnown: number
  message?: string
}
