import type { TicketField } from '../definition/fields.js'
import type {
  DynamicFieldKey,
  DynamicFieldTypes,
  PriorityName,
  QueueName,
  RegisteredTarget,
  ServiceName,
  SlaName,
  StateName,
  TicketTypeName,
  UserLogin,
} from './register.js'

/**
 * A field a dialog can show and a condition can test: a built-in field or `DynamicField_<Name>` of a
 * dynamic field of the target.
 *
 * @example
 * ```ts
 * const f: FieldRef = 'DynamicField_Category'
 * ```
 */
export type FieldRef = TicketField | `DynamicField_${DynamicFieldKey}`

/**
 * A date or time: an ISO 8601 string, or a `Date` (the DSL writes it as an ISO string).
 *
 * @example
 * ```ts
 * const d: DateInput = new Date('2026-01-31T12:00:00Z')
 * ```
 */
export type DateInput = string | Date

type DynamicFieldScalar<D extends DynamicFieldTypes> = D extends { type: 'Dropdown' | 'Multiselect'; values?: infer V }
  ? V
  : D extends { type: 'Checkbox' }
    ? boolean
    : D extends { type: 'Integer' }
      ? number
      : D extends { type: 'Date' | 'DateTime' }
        ? DateInput
        : string

type BuiltInScalar = {
  Title: string
  Queue: QueueName
  State: StateName
  Priority: PriorityName
  Type: TicketTypeName
  Service: ServiceName
  SLA: SlaName
  Owner: UserLogin
  Responsible: UserLogin
  CustomerUser: string
  CustomerID: string
  Lock: 'lock' | 'unlock'
  PendingTime: DateInput
  Article: string
}

/**
 * The value a condition compares field `F` with: target names for Queue, State, …; a Dropdown's values;
 * numbers for Integer; booleans for Checkbox; ISO strings or `Date` for Date and DateTime; else strings.
 *
 * @example
 * ```ts
 * const v: FieldScalar<'Queue'> = 'Service Desk'
 * ```
 */
export type FieldScalar<F extends FieldRef> = F extends TicketField
  ? BuiltInScalar[F]
  : F extends `DynamicField_${infer N extends DynamicFieldKey}`
    ? DynamicFieldScalar<RegisteredTarget['dynamicFields'][N]>
    : never

/**
 * The value a field holds: as {@link FieldScalar}, but a Multiselect holds a list of its values.
 *
 * @example
 * ```ts
 * const v: DynamicFieldValue<'Tags'> = ['vip', 'urgent']
 * ```
 */
export type DynamicFieldValue<N extends DynamicFieldKey> = RegisteredTarget['dynamicFields'][N] extends infer D extends DynamicFieldTypes
  ? D extends { type: 'Multiselect'; values?: infer V }
    ? V[]
    : DynamicFieldScalar<D>
  : never

/**
 * The value a dialog field may default to.
 *
 * @example
 * ```ts
 * const v: FieldValueOf<'Queue'> = 'Hardware'
 * ```
 */
export type FieldValueOf<F extends FieldRef> = F extends `DynamicField_${infer N extends DynamicFieldKey}`
  ? DynamicFieldValue<N>
  : FieldScalar<F>
