import type { z } from 'zod'
import type { backoffSchema } from '../definition/activity-schema.js'
import type { DialogInterface, FieldDisplay } from '../definition/dialog-schema.js'
import type { FieldRef, FieldValueOf } from './field-types.js'
import type { PriorityName, RegisteredTarget, QueueName, RoleName, ScriptName, ScriptParams, StateName, WebServiceName } from './register.js'

/**
 * Retry backoff as authors write it; omitted keys take the schema's defaults.
 *
 * @example
 * ```ts
 * const b: BackoffInput = { initialMs: 500, factor: 3 }
 * ```
 */
export type BackoffInput = z.input<typeof backoffSchema>

/**
 * What every activity may say about itself; `name` defaults to the humanised id.
 *
 * @example
 * ```ts
 * defineProcess('p', { name: 'P', start: { on: 'ticket.created' } }).wait('await-reply', { description: 'Until the customer answers' })
 * ```
 */
export interface ActivityOptions {
  /** Shown to agents and in diagrams; default: the id humanised, `check-warranty` → `Check warranty`. */
  name?: string
  description?: string
}

/**
 * A dialog field in full: display, default value, label, help, and for `Article` its channel.
 *
 * @example
 * ```ts
 * const f: DialogFieldOptions<'Queue'> = { display: 'hidden', default: 'Hardware' }
 * ```
 */
export interface DialogFieldOptions<F extends FieldRef> {
  display: FieldDisplay
  /** Value used when hidden, pre-filled when shown. */
  default?: FieldValueOf<F> | null
  label?: string
  help?: string
  article?: { channel?: 'Internal' | 'Phone' | 'Email' | 'Note'; visibleForCustomer?: boolean }
}

/**
 * The fields of a dialog in display order: `'required'`, `'optional'`, `'hidden'` or the full form.
 *
 * @example
 * ```ts
 * const fields: DialogFields = { DynamicField_Category: 'required', Article: { display: 'optional', article: { channel: 'Phone' } } }
 * ```
 */
export type DialogFields = { [F in FieldRef]?: FieldDisplay | DialogFieldOptions<F> }

/**
 * One dialog of a user task; `id` defaults to the activity id, then `<id>-2`, `<id>-3`, …
 *
 * @example
 * ```ts
 * const d: DialogOptions = { title: 'Confirm', interface: ['agent', 'customer'], fields: { Title: 'optional' } }
 * ```
 */
export interface DialogOptions<D extends string = string> {
  id?: D
  title: string
  description?: string
  help?: string
  /** Who may see and submit it; default agents. */
  interface?: readonly DialogInterface[]
  fields: DialogFields
  submitLabel?: string
  submitAdvice?: string
  requiredLock?: boolean
  /** Only members of this role may submit. */
  permission?: RoleName
}

/**
 * Options of `.user(id, …)`: one or more dialogs.
 *
 * @example
 * ```ts
 * const o: UserActivityOptions = { dialogs: [{ title: 'Confirm', fields: { Article: 'required' } }] }
 * ```
 */
export interface UserActivityOptions<D extends string = string> extends ActivityOptions {
  dialogs: readonly [DialogOptions<D>, ...DialogOptions<D>[]]
}

/**
 * Options of `.script(id, …)`; `params` is required when the script has required parameters.
 *
 * @example
 * ```ts
 * const o: ScriptActivityOptions<'classify-by-keywords'> = { script: 'classify-by-keywords', params: { source: 'Title' } }
 * ```
 */
export type ScriptActivityOptions<S extends ScriptName> = ActivityOptions & { script: S } & ({} extends ScriptParams<S>
    ? { params?: ScriptParams<S> }
    : { params: ScriptParams<S> })

/** The inputs invoker `V` of web service `W` declares; any name when it declares none or no target is registered. */
type InvokerInputName<W extends WebServiceName, V extends string> = V extends keyof RegisteredTarget['webServices'][W]['invokers']
  ? RegisteredTarget['webServices'][W]['invokers'][V] extends { input: infer In }
    ? [keyof In & string] extends [never]
      ? string
      : keyof In & string
    : string
  : string

/**
 * The request of a service task: request path → literal or placeholder template. Values go to `body.`
 * (nested paths allowed), `query.` or `path.`, ending in an input the invoker declares, so a misspelt
 * input is a type error; headers are free.
 *
 * @example
 * ```ts
 * const input: ServiceInput<'serial'> = { 'body.serial': '{{ticket.DynamicField.Serial}}', 'headers.X-Trace': 'on' }
 * ```
 */
export type ServiceInput<Name extends string> = {
  [K in `body.${Name}` | `body.${string}.${Name}` | `query.${Name}` | `path.${Name}` | `headers.${string}` | `header.${string}`]?: string
}

/**
 * Options of `.service(id, …)`: which invoker of which web service, and how to call it.
 *
 * @example
 * ```ts
 * const o: ServiceActivityOptions<'ERP'> = { webService: 'ERP', invoker: 'WarrantyLookup', retries: 2 }
 * ```
 */
export interface ServiceActivityOptions<
  W extends WebServiceName,
  // Spelled out rather than `InvokerName<W>`, so that error messages list the invokers.
  V extends keyof RegisteredTarget['webServices'][W]['invokers'] & string = keyof RegisteredTarget['webServices'][W]['invokers'] & string,
> extends ActivityOptions {
  webService: W
  invoker: V
  /** Default 10 000. */
  timeoutMs?: number
  /** Default 0. */
  retries?: number
  backoff?: BackoffInput
  /** Request path → literal or placeholder template, e.g. `{ 'body.serial': '{{ticket.DynamicField.Serial}}' }`. */
  input?: ServiceInput<InvokerInputName<W, V>>
  /** Response path → ticket field written, e.g. `{ 'body.status': 'DynamicField_Warranty' }`. */
  output?: Record<string, FieldRef>
  failOn?: { statuses?: readonly number[]; errorCodePath?: string; errorCodes?: readonly string[] }
}

/**
 * Options of `.subprocess(id, …)`.
 *
 * @example
 * ```ts
 * const o: SubprocessActivityOptions = { process: 'manager-approval', ticket: 'new', newTicket: { title: 'Approve', queue: 'Hardware' } }
 * ```
 */
export interface SubprocessActivityOptions extends ActivityOptions {
  /** The id of the process to start. */
  process: string
  /** `latest` (default) or a pinned content hash. */
  version?: string
  /** This ticket (default) or a new ticket linked as child. */
  ticket?: 'same' | 'new'
  newTicket?: { title: string; queue: QueueName; state?: StateName; priority?: PriorityName }
  /** Wait for the sub-process to end (default true). */
  wait?: boolean
}
