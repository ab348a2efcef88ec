import type { ArticleSpec, FieldValue, JsonValue, ProcessDefinition, ProcessDefinitionInput } from '../definition/index.js'
import type { Actor, Effect, HistoryEntry, Incident, ProcessInstance, TicketSnapshot } from '../runtime/runtime-types.js'
import type { RuntimeEnvSource } from './runtime-env.js'
import type { TicketInput } from './ticket-snapshot.js'

/** What `simulate()` accepts as a process: a definition, hand-written JSON, or a builder (`.toDefinition()`). */
export type ProcessSource = ProcessDefinition | ProcessDefinitionInput | { toDefinition(): ProcessDefinition }

/**
 * A script's result: field updates by Znuny name (`DynamicField_Category`, `Priority`), or a failure.
 *
 * @example
 * ```ts
 * const ok: ScriptReply = { DynamicField_Category: 'hardware' }
 * const failed: ScriptReply = { error: 'classifier unavailable' }
 * ```
 */
export type ScriptReply = Record<string, FieldValue> | { error: string }

/**
 * A script stub: a fixed reply, or one computed from the script's params and the ticket (throwing fails the script).
 *
 * @example
 * ```ts
 * const classify: ScriptStub = ({ ticket }) => ({ DynamicField_Category: /vpn/i.test(ticket.Title) ? 'network' : 'other' })
 * ```
 */
export type ScriptStub = ScriptReply | ((call: { params: Record<string, JsonValue>; ticket: TicketSnapshot; now: Date }) => ScriptReply)

/** A web service's answer, or a transport failure such as `{ error: 'TIMEOUT' }`. */
export type ServiceReply =
  | { status: number; body?: JsonValue; headers?: Record<string, string> }
  | { error: 'TIMEOUT' | 'NETWORK' | (string & {}); message?: string }

/** What a service stub function sees: the rendered request, the ticket, and which call/attempt this is (from 1). */
export interface ServiceCall {
  request: Record<string, string>
  ticket: TicketSnapshot
  attempt: number
  call: number
}

/**
 * A service stub: one reply for every call, a sequence (the last repeats), or a function. Transport
 * failures (`{ error }`) are retried up to the activity's `retries`; HTTP answers are judged by `failOn`.
 *
 * @example
 * ```ts
 * const flaky: ServiceStub = [{ error: 'TIMEOUT' }, { status: 200, body: { status: 'valid' } }]
 * const echo: ServiceStub = ({ request }) => ({ status: 200, body: { serial: request['body.serial'] ?? null } })
 * ```
 */
export type ServiceStub = ServiceReply | ServiceReply[] | ((call: ServiceCall) => ServiceReply)

/**
 * Submit a dialog of a user task. `activity` defaults to the one open task; `dialog` to the first of
 * the activity's dialogs that shows every submitted field.
 *
 * @example
 * ```ts
 * const input: SubmitInput = { activity: 'confirm', values: { DynamicField_Category: 'hardware' }, article: { subject: 'OK', body: 'Checked' }, as: 'jdoe' }
 * ```
 */
export interface SubmitInput {
  activity?: string
  dialog?: string
  values?: Record<string, FieldValue>
  article?: { subject: string; body: string }
  /** An agent's login, or a full actor; defaults to the ticket's owner (or `agent`) as agent. */
  as?: string | Actor
}

/**
 * One scripted step of a scenario, for stories written as data.
 *
 * @example
 * ```ts
 * const steps: SimulationStep[] = [{ submit: { activity: 'confirm', values: { DynamicField_Category: 'hardware' } } }, { update: { fields: { State: 'open' } } }, { retry: true }]
 * ```
 */
export type SimulationStep =
  | { submit: SubmitInput }
  | { update: { fields: Record<string, FieldValue> } }
  | { retry: true }
  | { cancel: { reason?: string } | true }

/**
 * The world a process runs in during a test: the ticket, stubs for scripts and web services, the
 * sub-processes it may start, and the people placeholders name.
 *
 * @example
 * ```ts
 * const scenario: Scenario = {
 *   ticket: { Title: 'Laptop broken', Queue: 'Service Desk', CustomerUser: 'jane' },
 *   scripts: { 'classify-by-keywords': { DynamicField_Category: 'hardware' } },
 *   services: { 'ERP/WarrantyLookup': { status: 200, body: { status: 'valid' } } },
 *   target: { customerUsers: [{ login: 'jane', customerId: 'ACME', email: 'jane@acme.example' }] },
 * }
 * ```
 */
export interface Scenario {
  /** The ticket the process starts on; see `createTicketSnapshot` for defaults. */
  ticket?: TicketInput
  /** Script stubs by script name. */
  scripts?: Record<string, ScriptStub>
  /** Service stubs by `webService/invoker`, e.g. `'ERP/WarrantyLookup'`. */
  services?: Record<string, ServiceStub>
  /** Definitions that `subprocess` activities may start, run in memory. */
  subprocesses?: ProcessSource[]
  /** The target (a whole snapshot fits): people for placeholders, e-mail templates, and dynamic fields whose values stubs must fit. */
  target?: RuntimeEnvSource
  /** The clock of the whole simulation (default `2025-01-01T09:00:00Z`). */
  now?: Date | string
  /** Steps applied right after the start, before the fluent calls. */
  steps?: SimulationStep[]
}

/** A captured e-mail: rendered recipients, subject and body. */
export type SimulatedEmail = Omit<Extract<Effect, { type: 'email.send' }>, 'type'>

/** A user task that is open now. */
export interface OpenTask {
  instanceId: string
  processId: string
  activity: string
  dialogs: Array<{ id: string; title: string; fields: string[] }>
}

/** An incident raised during the simulation (still open or already retried). */
export interface SimulatedIncident extends Incident {
  instanceId: string
  processId: string
}

/** One instance's record: its path, transitions and history. */
export interface SimulatedInstance {
  instance: ProcessInstance
  definition: ProcessDefinition
  /** Activity ids entered, in order (re-entries repeat). */
  path: string[]
  /** Transition ids taken, in order. */
  transitions: string[]
  history: HistoryEntry[]
}

/** An article written by an action or a dialog. */
export type SimulatedArticle = ArticleSpec & { instanceId: string }
