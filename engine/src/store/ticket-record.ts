import type { ColumnCodec, ColumnTypes } from './column-codec.js'
import type { Article, Ticket, TicketLink } from './store-rows.js'
import { dynamicFieldsSchema } from './stored-row-schemas.js'

/** A row of `tickets` as a dialect's driver returns it. */
export interface TicketRecord<C extends ColumnTypes> {
  id: string
  number: string
  title: string
  queue: string
  state: string
  priority: string
  type: string | null
  service: string | null
  sla: string | null
  owner: string | null
  responsible: string | null
  customer_user: string | null
  customer_id: string | null
  lock: 'lock' | 'unlock'
  pending_time: string | null
  dynamic_fields: C['json']
  test: C['bool']
  created_at: string
  updated_at: string
}

/** A row of `articles` as a dialect's driver returns it. */
export interface ArticleRecord<C extends ColumnTypes> {
  id: C['id']
  ticket_id: string
  subject: string
  body: string
  channel: Article['channel']
  visible_for_customer: C['bool']
  sender_type: Article['senderType']
  content_type: Article['contentType']
  created_at: string
  created_by: string | null
}

/** A row of `ticket_links`. */
export interface LinkRecord {
  source_ticket_id: string
  target_ticket_id: string
  type: TicketLink['type']
  created_at: string
}

/** The ticket of a row, read with `codec`. */
export function ticketMapper<C extends ColumnTypes>(codec: ColumnCodec<C>): (r: TicketRecord<C>) => Ticket {
  return (r) => ({
    id: r.id,
    number: r.number,
    Title: r.title,
    Queue: r.queue,
    State: r.state,
    Priority: r.priority,
    Type: r.type,
    Service: r.service,
    SLA: r.sla,
    Owner: r.owner,
    Responsible: r.responsible,
    CustomerUser: r.customer_user,
    CustomerID: r.customer_id,
    Lock: r.lock,
    PendingTime: r.pending_time,
    DynamicField: codec.json(dynamicFieldsSchema, r.dynamic_fields, `dynamic fields of ticket ${r.id}`),
    test: codec.bool(r.test),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  })
}

/** The article of a row, read with `codec`. */
export function articleMapper<C extends ColumnTypes>(codec: ColumnCodec<C>): (r: ArticleRecord<C>) => Article {
  return (r) => ({
    id: codec.id(r.id),
    ticketId: r.ticket_id,
    subject: r.subject,
    body: r.body,
    channel: r.channel,
    visibleForCustomer: codec.bool(r.visible_for_customer),
    senderType: r.sender_type,
    contentType: r.content_type,
    createdAt: r.created_at,
    createdBy: r.created_by,
  })
}

/** The link of a row (no column differs between the dialects). */
export function toLink(r: LinkRecord): TicketLink {
  return { sourceTicketId: r.source_ticket_id, targetTicketId: r.target_ticket_id, type: r.type, createdAt: r.created_at }
}
