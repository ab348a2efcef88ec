import { z } from 'zod'
import { AblaufError } from '@ablauf/sdk/errors'
import { backoffSchema, serviceActivitySchema, type JsonValue } from '@ablauf/sdk/definition'
import type { Job } from '../store/store-port.js'

/** Job kinds the runtime enqueues and the worker runs. */
export const JOB_KINDS = { service: 'service', email: 'email', ticketCreated: 'ticket.created' } as const

/** A `service.call` effect as a job: the call, how often to try, and how long to wait between tries. */
export const serviceJobSchema = z.strictObject({
  instanceId: z.string(),
  ticketId: z.string(),
  test: z.boolean(),
  call: z.strictObject({
    key: z.string(),
    webService: z.string(),
    invoker: z.string(),
    request: z.record(z.string(), z.string()),
    timeoutMs: z.number().int().positive(),
    failOn: serviceActivitySchema.shape.failOn,
    test: z.boolean(),
  }),
  retries: z.number().int().min(0),
  backoff: backoffSchema,
})
export type ServiceJob = z.infer<typeof serviceJobSchema>

/** An `email.send` effect as a job. */
export const emailJobSchema = z.strictObject({
  instanceId: z.string().nullable(),
  ticketId: z.string().nullable(),
  test: z.boolean(),
  message: z.strictObject({
    key: z.string(),
    to: z.array(z.string()),
    cc: z.array(z.string()),
    bcc: z.array(z.string()),
    template: z.string().nullable(),
    subject: z.string(),
    body: z.string(),
  }),
})
export type EmailJob = z.infer<typeof emailJobSchema>

/** A ticket created by a process (`createTicket`, sub-process on a new ticket): start its processes. */
export const ticketCreatedJobSchema = z.strictObject({ ticketId: z.string() })
export type TicketCreatedJob = z.infer<typeof ticketCreatedJobSchema>

/**
 * A payload as a JSON value. Both stores write it with `JSON.stringify`, which drops the keys that
 * are `undefined` (an unset `failOn`), so no copy is needed to make it JSON.
 */
export function toPayload(value: ServiceJob | EmailJob | TicketCreatedJob): JsonValue {
  return value as unknown as JsonValue
}

/** Reads a job's stored payload back; a malformed one is `INTERNAL` (the engine wrote it). */
export function readPayload<T>(schema: z.ZodType<T>, job: Job): T {
  const parsed = schema.safeParse(job.payload)
  if (!parsed.success) throw new AblaufError('INTERNAL', `job ${job.id} (${job.kind}) has a malformed payload: ${z.prettifyError(parsed.error)}`, { jobId: job.id })
  return parsed.data
}
