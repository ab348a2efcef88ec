import { z } from 'zod'
import { dynamicFieldNameSchema, fieldValueSchema } from './fields.js'

/**
 * Transition actions, one variant per Znuny transition action module (named in each comment).
 * Text values may hold placeholders such as `{{ticket.Title}}` or `{{customer.Email}}`.
 */
const base = { name: z.string().min(1).max(200).optional() }
const text = z.string().max(100_000)
const nonEmpty = z.string().min(1).max(250)

/** Where an article is written and who sees it. */
export const articleSchema = z.strictObject({
  subject: text,
  body: text,
  channel: z.enum(['Internal', 'Phone', 'Email', 'Note']).default('Internal'),
  visibleForCustomer: z.boolean().default(false),
  senderType: z.enum(['agent', 'system', 'customer']).default('system'),
  contentType: z.enum(['text/plain', 'text/html']).default('text/plain'),
})
export type ArticleSpec = z.infer<typeof articleSchema>

export const actionSchema = z.discriminatedUnion('type', [
  /** TicketQueueSet */
  z.strictObject({ ...base, type: z.literal('setQueue'), queue: nonEmpty }),
  /** TicketStateSet, optionally pending: seconds from now (PendingTimeDiff) or an absolute time. */
  z
    .strictObject({
      ...base,
      type: z.literal('setState'),
      state: nonEmpty,
      pendingTimeDiff: z.number().int().positive().optional(),
      pendingDateTime: z.iso.datetime({ offset: true }).optional(),
    })
    .refine((a) => a.pendingTimeDiff === undefined || a.pendingDateTime === undefined, {
      message: 'setState takes pendingTimeDiff or pendingDateTime, not both',
      path: ['pendingDateTime'],
    }),
  /** TicketPrioritySet */
  z.strictObject({ ...base, type: z.literal('setPriority'), priority: nonEmpty }),
  /** TicketOwnerSet */
  z.strictObject({ ...base, type: z.literal('setOwner'), user: nonEmpty }),
  /** TicketResponsibleSet */
  z.strictObject({ ...base, type: z.literal('setResponsible'), user: nonEmpty }),
  /** TicketTitleSet */
  z.strictObject({ ...base, type: z.literal('setTitle'), title: z.string().min(1).max(1000) }),
  /** TicketTypeSet */
  z.strictObject({ ...base, type: z.literal('setType'), ticketType: nonEmpty }),
  /** TicketServiceSet */
  z.strictObject({ ...base, type: z.literal('setService'), service: nonEmpty }),
  /** TicketSLASet */
  z.strictObject({ ...base, type: z.literal('setSLA'), sla: nonEmpty }),
  /** TicketLockSet */
  z.strictObject({ ...base, type: z.literal('setLock'), lock: z.enum(['lock', 'unlock']) }),
  /** TicketCustomerSet */
  z
    .strictObject({ ...base, type: z.literal('setCustomer'), customerUser: nonEmpty.optional(), customerId: nonEmpty.optional() })
    .refine((a) => a.customerUser !== undefined || a.customerId !== undefined, {
      message: 'setCustomer needs customerUser, customerId or both',
    }),
  /** DynamicFieldSet */
  z.strictObject({ ...base, type: z.literal('setDynamicField'), field: dynamicFieldNameSchema, value: fieldValueSchema }),
  /** DynamicFieldSet with an arithmetic increment (Integer fields). */
  z.strictObject({ ...base, type: z.literal('incrementDynamicField'), field: dynamicFieldNameSchema, by: z.number().int().default(1) }),
  /** DynamicFieldSet to the empty value. */
  z.strictObject({ ...base, type: z.literal('removeDynamicField'), field: dynamicFieldNameSchema }),
  /** TicketArticleCreate */
  z.strictObject({ ...base, type: z.literal('addArticle'), article: articleSchema }),
  /** ArticleSend: an e-mail, from a template of the target or from subject and body. */
  z
    .strictObject({
      ...base,
      type: z.literal('sendEmail'),
      to: z.array(nonEmpty).min(1),
      cc: z.array(nonEmpty).optional(),
      bcc: z.array(nonEmpty).optional(),
      template: nonEmpty.optional(),
      subject: text.optional(),
      body: text.optional(),
    })
    .refine((a) => a.template !== undefined || (a.subject !== undefined && a.body !== undefined), {
      message: 'sendEmail needs a template or both subject and body',
    }),
  /** TicketCreate, optionally linked to the current ticket. */
  z.strictObject({
    ...base,
    type: z.literal('createTicket'),
    title: z.string().min(1).max(1000),
    queue: nonEmpty,
    state: nonEmpty.optional(),
    priority: nonEmpty.optional(),
    ticketType: nonEmpty.optional(),
    customerUser: nonEmpty.optional(),
    customerId: nonEmpty.optional(),
    owner: nonEmpty.optional(),
    article: articleSchema.optional(),
    dynamicFields: z.record(dynamicFieldNameSchema, fieldValueSchema).optional(),
    link: z.enum(['ParentChild', 'Normal', 'none']).default('ParentChild'),
  }),
  /** LinkAdd: link the current ticket with another (by ticket number; placeholders allowed). */
  z.strictObject({
    ...base,
    type: z.literal('addLink'),
    ticketNumber: nonEmpty,
    linkType: z.enum(['ParentChild', 'Normal']).default('Normal'),
    direction: z.enum(['source', 'target']).default('source'),
  }),
])

/** One transition action. */
export type TransitionAction = z.infer<typeof actionSchema>
/** The action types, e.g. `setQueue`. */
export type TransitionActionType = TransitionAction['type']

/** Znuny's module name for each action type (for import/export and for people who know Znuny). */
export const ZNUNY_ACTION_MODULES: Record<TransitionActionType, string> = {
  setQueue: 'TicketQueueSet',
  setState: 'TicketStateSet',
  setPriority: 'TicketPrioritySet',
  setOwner: 'TicketOwnerSet',
  setResponsible: 'TicketResponsibleSet',
  setTitle: 'TicketTitleSet',
  setType: 'TicketTypeSet',
  setService: 'TicketServiceSet',
  setSLA: 'TicketSLASet',
  setLock: 'TicketLockSet',
  setCustomer: 'TicketCustomerSet',
  setDynamicField: 'DynamicFieldSet',
  incrementDynamicField: 'DynamicFieldSet',
  removeDynamicField: 'DynamicFieldSet',
  addArticle: 'TicketArticleCreate',
  sendEmail: 'ArticleSend',
  createTicket: 'TicketCreate',
  addLink: 'LinkAdd',
}
