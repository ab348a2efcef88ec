import type { ArticleSpec, FieldValue, JsonValue, ProcessDefinition, TransitionAction } from '../definition/index.js'

/** A person placeholders can name: `{{customer.Email}}`, `{{owner.FirstName}}`, … */
export interface Person {
  Login: string
  Email: string
  FirstName: string
  LastName: string
  CustomerID?: string
}

/**
 * What the runtime sees of a ticket: Znuny's field names, dynamic fields by bare name.
 * Plain data; the engine loads it, `simulate()` makes it up.
 */
export interface TicketSnapshot {
  id: string
  number: string
  Title: string
  Queue: string
  State: string
  Priority: string
  Type: string | null
  Service: string | null
  SLA: string | null
  Owner: string | null
  Responsible: string | null
  CustomerUser: string | null
  CustomerID: string | null
  Lock: 'lock' | 'unlock'
  PendingTime: string | null
  DynamicField: Record<string, FieldValue>
  /** Test mode: effects are captured, service calls go to the test endpoint or a stub. */
  test: boolean
}

/** Changes to a ticket's fields; dynamic fields by bare name, `null` clears. */
export interface TicketChanges {
  fields: Partial<Omit<TicketSnapshot, 'id' | 'number' | 'DynamicField' | 'test'>>
  dynamicFields: Record<string, FieldValue>
}

/** What a process instance waits for, if anything. */
export type Waiting =
  | { for: 'dialog' }
  | { for: 'condition' }
  | { for: 'script'; key: string }
  | { for: 'service'; key: string }
  | { for: 'subprocess'; key: string }

/** An incident: a step that failed and waits for an operator's retry. */
export interface Incident {
  code: string
  message: string
  activity: string | null
  at: string
}

/** One running (or finished) process on one ticket, pinned to one version (content hash). */
export interface ProcessInstance {
  id: string
  processId: string
  version: string
  ticketId: string
  status: 'running' | 'completed' | 'incident' | 'canceled'
  activity: string | null
  waiting: Waiting | null
  parent: { instanceId: string; activity: string; key: string } | null
  incident: Incident | null
  /** Increases with every step; makes job and child keys deterministic. */
  seq: number
  test: boolean
  startedAt: string
  updatedAt: string
  endedAt: string | null
}

/** Who did something. */
export type Actor = { kind: 'agent' | 'customer'; login: string } | { kind: 'system'; login?: string }

/** The outcome of a service call, as the job worker reports it. */
export interface ServiceResponse {
  status: number
  body: JsonValue
  headers?: Record<string, string>
}

/** Events the step function reacts to. */
export type ProcessEvent =
  | { type: 'ticket.updated' }
  | { type: 'dialog.submitted'; activity: string; dialog: string; values: Record<string, FieldValue>; article?: { subject: string; body: string }; actor: Actor }
  | { type: 'script.completed'; key: string; updates: Record<string, FieldValue> }
  | { type: 'script.failed'; key: string; error: { code: string; message: string } }
  | { type: 'service.succeeded'; key: string; response: ServiceResponse; attempts: number }
  | { type: 'service.failed'; key: string; error: { code: 'TIMEOUT' | 'NETWORK' | 'HTTP_STATUS' | 'ERROR_CODE' | string; message: string; status?: number }; response?: ServiceResponse; attempts: number }
  | { type: 'subprocess.completed'; key: string; childInstanceId: string }
  | { type: 'subprocess.failed'; key: string; childInstanceId: string; error: { code: string; message: string } }
  | { type: 'retry'; actor: Actor }
  | { type: 'cancel'; actor: Actor; reason?: string }

/** Side effects the executor performs after (or, for scripts, within) the step's transaction. */
export type Effect =
  | { type: 'ticket.update'; changes: TicketChanges }
  | { type: 'article.create'; article: ArticleSpec }
  | { type: 'email.send'; key: string; to: string[]; cc: string[]; bcc: string[]; template: string | null; subject: string; body: string }
  | { type: 'ticket.create'; key: string; action: Extract<TransitionAction, { type: 'createTicket' }> }
  | { type: 'link.add'; ticketNumber: string; linkType: 'ParentChild' | 'Normal'; direction: 'source' | 'target' }
  | { type: 'script.run'; key: string; activity: string; script: string; params: Record<string, JsonValue> }
  | {
      type: 'service.call'
      key: string
      activity: string
      webService: string
      invoker: string
      request: Record<string, string>
      timeoutMs: number
      retries: number
      backoff: { initialMs: number; factor: number; maxMs: number }
    }
  | {
      type: 'subprocess.start'
      key: string
      activity: string
      process: string
      version: string
      ticket: 'same' | 'new'
      newTicket: { title: string; queue: string; state?: string; priority?: string } | null
      wait: boolean
    }
  | { type: 'task.open'; activity: string; dialogs: string[] }
  | { type: 'task.close'; activity: string }
  | { type: 'instance.ended'; status: 'completed' | 'canceled'; parent: ProcessInstance['parent'] }
  | { type: 'incident.raised'; incident: Incident }

/** History rows: every activity entered, transition taken, action run, field changed, error. */
export type HistoryEntry =
  | { type: 'process.started'; at: string; processId: string; version: string }
  | { type: 'activity.entered'; at: string; activity: string; kind: string }
  | { type: 'transition.taken'; at: string; transition: string; from: string; to: string; on?: 'error' }
  | { type: 'transition.skipped'; at: string; transition: string; reason: string }
  | { type: 'action.run'; at: string; transition: string; action: TransitionAction['type']; detail: string }
  | { type: 'field.changed'; at: string; field: string; from: FieldValue; to: FieldValue }
  | { type: 'dialog.submitted'; at: string; activity: string; dialog: string; actor: Actor }
  | { type: 'script.completed' | 'script.failed'; at: string; activity: string; script: string; message?: string }
  | { type: 'service.succeeded' | 'service.failed'; at: string; activity: string; status?: number; attempts: number; message?: string }
  | { type: 'subprocess.started' | 'subprocess.completed' | 'subprocess.failed'; at: string; activity: string; process: string; key: string }
  | { type: 'incident'; at: string; code: string; message: string; activity: string | null }
  | { type: 'process.completed'; at: string }
  | { type: 'process.canceled'; at: string; actor?: Actor; reason?: string }
  | { type: 'event.ignored'; at: string; event: string; reason: string }
  | { type: 'instance.retried'; at: string; activity: string | null; actor: Actor }

/**
 * Read-only look-ups the pure core may need (placeholders name people). Synchronous and side-effect
 * free; the engine builds it from the target, `simulate()` from the scenario.
 */
export interface RuntimeEnv {
  person(login: string, kind: 'user' | 'customer'): Person | undefined
  /** Version resolution for sub-processes: the active version hash of a process. */
  activeVersion?(processId: string): string | undefined
  /**
   * Why field values (by Znuny name, as a script returns them or a service task's `output` maps them)
   * cannot be written to the ticket, or `undefined` when they can. The engine answers from its target;
   * a script or service whose values are refused fails (its error path runs, or an incident).
   */
  fieldValuesProblem?(values: Readonly<Record<string, FieldValue>>): string | undefined
}

/** The result of one step: the new instance and ticket, effects to perform, history rows to store. */
export interface StepResult {
  instance: ProcessInstance
  ticket: TicketSnapshot
  effects: Effect[]
  history: HistoryEntry[]
}

/** Signature of the pure step function. */
export type StepFunction = (
  definition: ProcessDefinition,
  instance: ProcessInstance,
  event: ProcessEvent & { ticket: TicketSnapshot },
  now: Date,
  env?: RuntimeEnv,
) => StepResult

/** Options of {@link StartFunction}: identity and clock come from the caller, never from the core. */
export interface StartOptions {
  instanceId: string
  now: Date
  /** The content hash of the definition's version; defaults to `unversioned`. */
  version?: string
  /** Test mode; defaults to the ticket's flag. */
  test?: boolean
  /** Set when a `subprocess` activity of another instance started this one. */
  parent?: ProcessInstance['parent']
}

/** Signature of the pure start function: a new instance, entered into its start activity. */
export type StartFunction = (
  definition: ProcessDefinition,
  ticket: TicketSnapshot,
  options: StartOptions,
  env?: RuntimeEnv,
) => StepResult

/** Which process a `ticket.created` event starts, and which other matching ones lost (for the history). */
export interface StartMatch {
  definition: ProcessDefinition | undefined
  others: ProcessDefinition[]
}

/** Per-node outcome of a condition, for the engine's "trace this ticket" log level. */
export interface ConditionTrace {
  op: string
  result: boolean
  /** Field tests: the field, its value on the ticket and what it was compared with. */
  field?: string
  actual?: FieldValue
  expected?: FieldValue | FieldValue[]
  /** Groups and `not`: the nested nodes, every one evaluated (no short circuit). */
  children?: ConditionTrace[]
}

/** What placeholders in text values can see. */
export interface TemplateContext {
  ticket: TicketSnapshot
  process: { id: string; name: string; activity: string | null }
  env?: RuntimeEnv
}
