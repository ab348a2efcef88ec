import { AblaufError } from '@ablauf/sdk/errors'
import type { Actor, ProcessInstance, TicketChanges } from '@ablauf/sdk/runtime'
import type { TargetSnapshot } from '@ablauf/sdk/target'
import type { Clock, Store, StoreTx } from '../store/store-port.js'
import type { Ticket } from '../store/store-rows.js'
import type { CreateTicketInput, UpdateTicketInput } from './ticket-input.js'
import { checkTicketFields, ticketDefaults } from './ticket-target-check.js'

/** Options of {@link createTicketService}. */
export interface TicketServiceOptions {
  store: Store
  clock: Clock
  target: TargetSnapshot
  /**
   * Starts the matching process of a new ticket inside the transaction that creates it (the runtime's
   * `startInTransaction`): the ticket is committed together with its process start or not at all, so no
   * crash can leave a ticket whose process never started.
   */
  startProcess(tx: StoreTx, ticketId: string, actor: Actor): Promise<ProcessInstance | undefined>
}

/** Creates and changes tickets (fields checked against the target), with history rows. */
export interface TicketService {
  /**
   * Creates the ticket and starts its process in one transaction; returns the ticket after the start and
   * the instance that runs on it (null when no process started).
   */
  create(input: CreateTicketInput, actor: Actor): Promise<{ ticket: Ticket; instance: ProcessInstance | null }>
  /** Applies the changes; returns the ticket and whether any field actually changed. */
  update(id: string, input: UpdateTicketInput, actor: Actor, visible: (t: Ticket) => boolean): Promise<{ ticket: Ticket; changed: string[] }>
}

async function addArticle(tx: StoreTx, ticketId: string, article: NonNullable<CreateTicketInput['Article']>, actor: Actor, at: string): Promise<void> {
  await tx.tickets.addArticle({
    ticketId,
    subject: article.subject,
    body: article.body,
    channel: article.channel,
    visibleForCustomer: actor.kind === 'customer' ? true : article.visibleForCustomer,
    senderType: actor.kind === 'customer' ? 'customer' : actor.kind === 'agent' ? 'agent' : 'system',
    contentType: 'text/plain',
    createdAt: at,
    createdBy: actor.login ?? null,
  })
}

/** Creates the ticket service. */
export function createTicketService(options: TicketServiceOptions): TicketService {
  const { store, clock, target } = options
  return {
    async create(input, actor) {
      const { Article, DynamicField, test, ...fields } = input
      const withDefaults = { ...ticketDefaults(target), ...fields }
      checkTicketFields({ ...withDefaults, DynamicField: DynamicField ?? {} }, target)
      const customerId =
        withDefaults.CustomerID ?? target.customerUsers.find((c) => c.login === withDefaults.CustomerUser)?.customerId ?? null
      return store.transaction(async (tx) => {
        const at = clock.now().toISOString()
        const ticket = await tx.tickets.create({ ...withDefaults, CustomerID: customerId, DynamicField: DynamicField ?? {}, test: test ?? false, now: at })
        if (Article !== undefined) await addArticle(tx, ticket.id, Article, actor, at)
        await tx.history.append([{ ticketId: ticket.id, instanceId: null, entry: { type: 'ticket.created', at, actor, message: `ticket ${ticket.number} created` } }])
        const started = await options.startProcess(tx, ticket.id, actor)
        // The instance that runs on the ticket; one that ended within the start is not running any more.
        const instance = started !== undefined && (started.status === 'running' || started.status === 'incident') ? started : null
        return { ticket: (await tx.tickets.get(ticket.id)) ?? ticket, instance }
      })
    },
    async update(id, input, actor, visible) {
      const { Article, DynamicField, ...fields } = input
      checkTicketFields(input, target)
      return store.transaction(async (tx) => {
        const current = await tx.tickets.getForUpdate(id)
        if (current === undefined || !visible(current)) throw new AblaufError('NOT_FOUND', `ticket "${id}" does not exist`)
        const at = clock.now().toISOString()
        const changed: string[] = []
        const changes: TicketChanges = { fields: {}, dynamicFields: {} }
        for (const [k, v] of Object.entries(fields) as [keyof typeof fields, string | null][]) {
          if (v !== undefined && current[k] !== v) {
            ;(changes.fields as Record<string, unknown>)[k] = v
            changed.push(k)
          }
        }
        for (const [k, v] of Object.entries(DynamicField ?? {})) {
          if (JSON.stringify(current.DynamicField[k] ?? null) !== JSON.stringify(v)) {
            changes.dynamicFields[k] = v
            changed.push(`DynamicField_${k}`)
          }
        }
        if (!visible({ ...current, ...changes.fields } as Ticket)) {
          throw new AblaufError('FORBIDDEN', 'the change would move the ticket out of what this token may see')
        }
        const ticket = changed.length > 0 ? await tx.tickets.update(id, changes, at) : current
        if (Article !== undefined) await addArticle(tx, id, Article, actor, at)
        if (changed.length > 0 || Article !== undefined) {
          await tx.history.append([
            { ticketId: id, instanceId: null, entry: { type: 'ticket.updated', at, actor, message: `changed: ${changed.join(', ') || 'article added'}`, data: { fields: changed } } },
          ])
        }
        return { ticket, changed }
      })
    },
  }
}
