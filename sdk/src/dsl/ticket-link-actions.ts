import type { FieldValue } from '../definition/fields.js'
import { compact, type ActionMeta, type ActionOf } from './action-meta.js'
import type { DynamicFieldValue } from './field-types.js'
import { articleSpec, type ArticleInput } from './message-actions.js'
import type { DynamicFieldKey, PriorityName, QueueName, StateName, TicketTypeName, UserLogin } from './register.js'
import { isoIfDate } from './date-values.js'

/**
 * Options of {@link createTicket}.
 *
 * @example
 * ```ts
 * const o: CreateTicketOptions = { title: 'Replace disk', queue: 'Hardware', link: 'ParentChild' }
 * ```
 */
export interface CreateTicketOptions extends ActionMeta {
  title: string
  queue: QueueName
  state?: StateName
  priority?: PriorityName
  ticketType?: TicketTypeName
  customerUser?: string
  customerId?: string
  owner?: UserLogin
  article?: ArticleInput
  /** Dynamic fields of the new ticket, named bare. */
  dynamicFields?: { [N in DynamicFieldKey]?: DynamicFieldValue<N> | null }
  /** How the new ticket is linked to this one (default `ParentChild`). */
  link?: 'ParentChild' | 'Normal' | 'none'
}

/**
 * Creates a ticket (Znuny `TicketCreate`), by default linked as child of this one.
 *
 * @example
 * ```ts
 * createTicket({ title: 'Replace disk for {{ticket.TicketNumber}}', queue: 'Hardware', dynamicFields: { Category: 'hardware' } })
 * ```
 */
export function createTicket(options: CreateTicketOptions): ActionOf<'createTicket'> {
  const { article, dynamicFields, link, ...rest } = options
  const fields =
    dynamicFields === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries(dynamicFields as Record<string, FieldValue | Date | undefined>)
            .filter(([, v]) => v !== undefined)
            .map(([k, v]) => [k, isoIfDate(v as FieldValue)]),
        )
  return compact({
    type: 'createTicket' as const,
    ...rest,
    article: article === undefined ? undefined : articleSpec(article),
    dynamicFields: fields,
    link: link ?? 'ParentChild',
  })
}

/**
 * Options of {@link addLink}.
 *
 * @example
 * ```ts
 * const o: AddLinkOptions = { ticketNumber: '2026010110000012', linkType: 'Normal' }
 * ```
 */
export interface AddLinkOptions extends ActionMeta {
  /** The other ticket's number; placeholders allowed. */
  ticketNumber: string
  linkType?: 'ParentChild' | 'Normal'
  /** Whether this ticket is the link's source (parent) or target (child). */
  direction?: 'source' | 'target'
}

/**
 * Links this ticket with another (Znuny `LinkAdd`).
 *
 * @example
 * ```ts
 * addLink({ ticketNumber: '{{ticket.DynamicField.ParentTicket}}', linkType: 'ParentChild', direction: 'target' })
 * ```
 */
export function addLink(options: AddLinkOptions): ActionOf<'addLink'> {
  return compact({
    type: 'addLink' as const,
    ticketNumber: options.ticketNumber,
    linkType: options.linkType ?? 'Normal',
    direction: options.direction ?? 'source',
    name: options.name,
  })
}
