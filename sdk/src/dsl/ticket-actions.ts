import type { DateInput } from './field-types.js'
import { named, compact, type ActionMeta, type ActionOf } from './action-meta.js'
import type {
  PriorityName,
  QueueName,
  ServiceName,
  SlaName,
  StateName,
  TicketTypeName,
  UserLogin,
} from './register.js'
import { isoIfDate } from './date-values.js'

/**
 * Moves the ticket to a queue (Znuny `TicketQueueSet`).
 *
 * @example
 * ```ts
 * setQueue('Hardware')
 * ```
 */
export function setQueue(queue: QueueName, meta?: ActionMeta): ActionOf<'setQueue'> {
  return named({ type: 'setQueue', queue }, meta)
}

/**
 * Options of {@link setState}: a pending time, relative (seconds) or absolute — one of them, not both.
 *
 * @example
 * ```ts
 * const o: SetStateOptions = { pendingDateTime: new Date('2026-02-01T09:00:00Z') }
 * ```
 */
export type SetStateOptions = ActionMeta &
  ({ pendingTimeDiff?: number; pendingDateTime?: never } | { pendingDateTime?: DateInput; pendingTimeDiff?: never })

/**
 * Sets the ticket state (Znuny `TicketStateSet`), for pending states with a pending time.
 *
 * @example
 * ```ts
 * setState('pending reminder', { pendingTimeDiff: 86_400, name: 'Remind tomorrow' })
 * ```
 */
export function setState(state: StateName, options: SetStateOptions = {}): ActionOf<'setState'> {
  const { pendingDateTime, pendingTimeDiff, name } = options
  return compact({
    type: 'setState' as const,
    state,
    pendingTimeDiff,
    pendingDateTime: pendingDateTime === undefined ? undefined : isoIfDate(pendingDateTime),
    name,
  })
}

/**
 * Sets the priority (Znuny `TicketPrioritySet`).
 *
 * @example
 * ```ts
 * setPriority('5 very high')
 * ```
 */
export function setPriority(priority: PriorityName, meta?: ActionMeta): ActionOf<'setPriority'> {
  return named({ type: 'setPriority', priority }, meta)
}

/**
 * Sets the owner by agent login (Znuny `TicketOwnerSet`).
 *
 * @example
 * ```ts
 * setOwner('alice')
 * ```
 */
export function setOwner(login: UserLogin, meta?: ActionMeta): ActionOf<'setOwner'> {
  return named({ type: 'setOwner', user: login }, meta)
}

/**
 * Sets the responsible agent by login (Znuny `TicketResponsibleSet`).
 *
 * @example
 * ```ts
 * setResponsible('bob')
 * ```
 */
export function setResponsible(login: UserLogin, meta?: ActionMeta): ActionOf<'setResponsible'> {
  return named({ type: 'setResponsible', user: login }, meta)
}

/**
 * Sets the title; placeholders allowed (Znuny `TicketTitleSet`).
 *
 * @example
 * ```ts
 * setTitle('[HW] {{ticket.Title}}')
 * ```
 */
export function setTitle(title: string, meta?: ActionMeta): ActionOf<'setTitle'> {
  return named({ type: 'setTitle', title }, meta)
}

/**
 * Sets the ticket type (Znuny `TicketTypeSet`).
 *
 * @example
 * ```ts
 * setType('Incident')
 * ```
 */
export function setType(ticketType: TicketTypeName, meta?: ActionMeta): ActionOf<'setType'> {
  return named({ type: 'setType', ticketType }, meta)
}

/**
 * Sets the service (Znuny `TicketServiceSet`).
 *
 * @example
 * ```ts
 * setService('Email')
 * ```
 */
export function setService(service: ServiceName, meta?: ActionMeta): ActionOf<'setService'> {
  return named({ type: 'setService', service }, meta)
}

/**
 * Sets the SLA (Znuny `TicketSLASet`).
 *
 * @example
 * ```ts
 * setSLA('Gold')
 * ```
 */
export function setSLA(sla: SlaName, meta?: ActionMeta): ActionOf<'setSLA'> {
  return named({ type: 'setSLA', sla }, meta)
}

/**
 * Locks or unlocks the ticket (Znuny `TicketLockSet`).
 *
 * @example
 * ```ts
 * setLock('unlock')
 * ```
 */
export function setLock(lock: 'lock' | 'unlock', meta?: ActionMeta): ActionOf<'setLock'> {
  return named({ type: 'setLock', lock }, meta)
}

/**
 * Options of {@link setCustomer}: the customer user, the customer id, or both.
 *
 * @example
 * ```ts
 * const o: SetCustomerOptions = { customerUser: '{{ticket.CustomerUser}}' }
 * ```
 */
export type SetCustomerOptions = ActionMeta &
  ({ customerUser: string; customerId?: string } | { customerUser?: string; customerId: string })

/**
 * Sets the customer (Znuny `TicketCustomerSet`); placeholders allowed.
 *
 * @example
 * ```ts
 * setCustomer({ customerUser: 'jdoe', customerId: 'ACME' })
 * ```
 */
export function setCustomer(options: SetCustomerOptions): ActionOf<'setCustomer'> {
  const { customerUser, customerId, name } = options
  return compact({ type: 'setCustomer' as const, customerUser, customerId, name })
}
