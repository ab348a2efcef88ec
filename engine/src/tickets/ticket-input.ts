import { z } from 'zod'
import { fieldValueSchema } from '@ablauf/sdk/definition'

const text = z.string().min(1).max(250)
const nullableText = text.nullable()

/** An article written with a ticket or a change (the API's `Article`). */
export const articleInputSchema = z.strictObject({
  subject: z.string().max(1000),
  body: z.string().max(100_000),
  channel: z.enum(['Internal', 'Phone', 'Email', 'Note']).default('Note'),
  visibleForCustomer: z.boolean().default(false),
})

const dynamicFields = z.record(z.string().regex(/^[A-Za-z0-9]+$/, 'a dynamic field name (letters and digits)'), fieldValueSchema)

/** The body of `POST /api/v1/tickets`. */
export const createTicketSchema = z.strictObject({
  Title: z.string().min(1).max(1000),
  Queue: text,
  State: text.optional(),
  Priority: text.optional(),
  Type: nullableText.optional(),
  Service: nullableText.optional(),
  SLA: nullableText.optional(),
  Owner: nullableText.optional(),
  Responsible: nullableText.optional(),
  CustomerUser: nullableText.optional(),
  CustomerID: nullableText.optional(),
  Lock: z.enum(['lock', 'unlock']).optional(),
  PendingTime: z.iso.datetime({ offset: true }).nullable().optional(),
  DynamicField: dynamicFields.optional(),
  Article: articleInputSchema.optional(),
  /** Test mode: effects are captured. */
  test: z.boolean().optional(),
})
export type CreateTicketInput = z.infer<typeof createTicketSchema>

/** The body of `PATCH /api/v1/tickets/:id`: fields to change; `null` clears. */
export const updateTicketSchema = z
  .strictObject({
    Title: z.string().min(1).max(1000).optional(),
    Queue: text.optional(),
    State: text.optional(),
    Priority: text.optional(),
    Type: nullableText.optional(),
    Service: nullableText.optional(),
    SLA: nullableText.optional(),
    Owner: nullableText.optional(),
    Responsible: nullableText.optional(),
    CustomerUser: nullableText.optional(),
    CustomerID: nullableText.optional(),
    Lock: z.enum(['lock', 'unlock']).optional(),
    PendingTime: z.iso.datetime({ offset: true }).nullable().optional(),
    DynamicField: dynamicFields.optional(),
    Article: articleInputSchema.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change: send at least one field')
export type UpdateTicketInput = z.infer<typeof updateTicketSchema>
