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

/**
 * Options of `.service(id, …)`: which invoker of which web service, and how to call it.
 *
 * @example
 * ```ts
 * const o: ServiceActivityOptions<'ERP'> = { webService: 'ERP', invoker: 'WarrantyLookup', retries: 2 }
 * ```
 */
export interface ServiceActivityOptions<W extends WebServiceName> extends ActivityOptions {
  webService: W
  // Spelled out rather than `InvokerName<W>`, so that error messages list the invokers.
  invoker: keyof RegisteredTarget['webServices'][W]['invokers'] & string
  /** Default 10 000. */
  timeoutMs?: number
  /** Default 0. */
  retries?: number
  backoff?: BackoffInput
  /** Request path → literal or placeholder template, e.g. `{ 'body.serial': '{{ticket.DynamicField.Serial}}' }`. */
  input?: Record<string, string>
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
