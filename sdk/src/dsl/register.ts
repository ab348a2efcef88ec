import type { JsonValue } from '../definition/activity-schema.js'
import type { DynamicFieldType } from '../target/target-schema.js'

/**
 * The registry of the target the processes are written for. Empty by default, so every name is a plain
 * string. `ablauf schema pull` writes `ablauf-target.d.ts`, which augments it with the target's names
 * (the pattern of TanStack Router's `Register`); from then on a wrong queue, state, field or value is a
 * type error and the IDE completes the right ones.
 *
 * @example
 * ```ts
 * // ablauf-target.d.ts (generated)
 * export {}
 * declare module '@ablauf/sdk' {
 *   interface Register {
 *     target: { queues: 'Hardware' | 'Service Desk'; states: 'new' | 'open'; ... }
 *   }
 * }
 * ```
 */
export interface Register {}

/**
 * How a dynamic field appears in a registered target: its type and, for lists, its values.
 *
 * @example
 * ```ts
 * const f: DynamicFieldTypes = { type: 'Dropdown', values: 'hardware' }
 * ```
 */
export interface DynamicFieldTypes {
  type: DynamicFieldType
  /** Allowed values of Dropdown and Multiselect fields. */
  values?: string
}

/**
 * The shape of `Register['target']`, as `generateTargetTypes()` writes it.
 *
 * @example
 * ```ts
 * type Queues = TargetTypes['queues'] // string
 * ```
 */
export interface TargetTypes {
  queues: string
  states: string
  priorities: string
  types: string
  services: string
  slas: string
  users: string
  roles: string
  emailTemplates: string
  dynamicFields: Record<string, DynamicFieldTypes>
  webServices: Record<string, { invokers: Record<string, unknown> }>
  scripts: Record<string, { params: object }>
}

/** Each field type once, so that value types distribute over all of them. */
type AnyDynamicField = { [K in DynamicFieldType]: { type: K; values: string } }[DynamicFieldType]

/**
 * What is known without a registered target: every name is a string, every field any type.
 *
 * @example
 * ```ts
 * type Fields = keyof AnyTarget['dynamicFields'] // string
 * ```
 */
export interface AnyTarget extends TargetTypes {
  dynamicFields: Record<string, AnyDynamicField>
  webServices: Record<string, { invokers: Record<string, unknown> }>
  scripts: Record<string, { params: Record<string, JsonValue> }>
}

/**
 * The target the DSL checks names against: the registered one, or {@link AnyTarget}.
 *
 * @example
 * ```ts
 * type Queues = RegisteredTarget['queues'] // 'Hardware' | 'Service Desk' once registered, else string
 * ```
 */
export type RegisteredTarget = Register extends { target: infer T extends TargetTypes } ? T : AnyTarget

/**
 * A queue of the target.
 *
 * @example
 * ```ts
 * const q: QueueName = 'Service Desk'
 * ```
 */
export type QueueName = RegisteredTarget['queues']
/**
 * A ticket state of the target.
 *
 * @example
 * ```ts
 * const s: StateName = 'closed successful'
 * ```
 */
export type StateName = RegisteredTarget['states']
/**
 * A priority of the target.
 *
 * @example
 * ```ts
 * const p: PriorityName = '3 normal'
 * ```
 */
export type PriorityName = RegisteredTarget['priorities']
/**
 * A ticket type of the target.
 *
 * @example
 * ```ts
 * const t: TicketTypeName = 'Incident'
 * ```
 */
export type TicketTypeName = RegisteredTarget['types']
/**
 * A service of the target.
 *
 * @example
 * ```ts
 * const s: ServiceName = 'Email'
 * ```
 */
export type ServiceName = RegisteredTarget['services']
/**
 * An SLA of the target.
 *
 * @example
 * ```ts
 * const s: SlaName = 'Gold'
 * ```
 */
export type SlaName = RegisteredTarget['slas']
/**
 * An agent login of the target.
 *
 * @example
 * ```ts
 * const u: UserLogin = 'alice'
 * ```
 */
export type UserLogin = RegisteredTarget['users']
/**
 * A role of the target.
 *
 * @example
 * ```ts
 * const r: RoleName = 'Approvers'
 * ```
 */
export type RoleName = RegisteredTarget['roles']
/**
 * An e-mail template of the target.
 *
 * @example
 * ```ts
 * const t: EmailTemplateName = 'ticket-closed'
 * ```
 */
export type EmailTemplateName = RegisteredTarget['emailTemplates']
/**
 * A dynamic field's bare name, e.g. `Category`.
 *
 * @example
 * ```ts
 * const f: DynamicFieldKey = 'Category'
 * ```
 */
export type DynamicFieldKey = keyof RegisteredTarget['dynamicFields'] & string
/**
 * A web service of the target.
 *
 * @example
 * ```ts
 * const w: WebServiceName = 'ERP'
 * ```
 */
export type WebServiceName = keyof RegisteredTarget['webServices'] & string
/**
 * An invoker of web service `W`.
 *
 * @example
 * ```ts
 * const i: InvokerName<'ERP'> = 'WarrantyLookup'
 * ```
 */
export type InvokerName<W extends WebServiceName> = keyof RegisteredTarget['webServices'][W]['invokers'] & string
/**
 * A script of the target.
 *
 * @example
 * ```ts
 * const s: ScriptName = 'classify-by-keywords'
 * ```
 */
export type ScriptName = keyof RegisteredTarget['scripts'] & string
/**
 * The parameters of script `S`.
 *
 * @example
 * ```ts
 * const p: ScriptParams<'classify-by-keywords'> = { source: 'Title' }
 * ```
 */
export type ScriptParams<S extends ScriptName> = RegisteredTarget['scripts'][S]['params']
