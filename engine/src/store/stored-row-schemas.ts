import { z } from 'zod'
import { fieldValueSchema } from '@ablauf/sdk/definition'
import type { HistoryEntry, Waiting } from '@ablauf/sdk/runtime'
import type { EngineHistoryEntry } from './store-rows.js'
import type { TicketChanges } from '@ablauf/sdk/runtime'

// The shapes of the JSON columns both adapters check when they read them back (jsonb in PostgreSQL,
// text in SQLite), and the ticket field → column map they share.

export const dynamicFieldsSchema = z.record(z.string(), fieldValueSchema)

export const waitingSchema: z.ZodType<Waiting | null> = z.union([
  z.null(),
  z.object({ for: z.enum(['dialog', 'condition']) }),
  z.object({ for: z.enum(['script', 'service', 'subprocess']), key: z.string() }),
])
export const parentSchema = z.object({ instanceId: z.string(), activity: z.string(), key: z.string() }).nullable()
export const incidentSchema = z
  .object({ code: z.string(), message: z.string(), activity: z.string().nullable(), at: z.string() })
  .nullable()

export const dialogsSchema = z.array(z.object({ id: z.string(), interface: z.array(z.enum(['agent', 'customer'])) }))

// History rows are written by the runtime and the engine in many shapes; what every one must have is
// checked, the rest is passed through as written.
export const historyEntrySchema = z.looseObject({ type: z.string().min(1), at: z.string() }) as unknown as z.ZodType<HistoryEntry | EngineHistoryEntry>
export const recipientsSchema = z.object({ to: z.array(z.string()), cc: z.array(z.string()), bcc: z.array(z.string()) })

export const deploymentSourceSchema = z.object({ commit: z.string(), ref: z.string(), author: z.string() })
export const deploymentPlanSchema = z.array(
  z.object({
    processId: z.string(),
    op: z.enum(['create', 'update', 'unchanged', 'rollback', 'fade-away']),
    hash: z.string().nullable(),
    version: z.number().int().nullable(),
    previousVersion: z.number().int().nullable(),
  }),
)
export const scopesSchema = z.array(z.string())

/** Ticket field name → column. */
export const TICKET_COLUMNS_BY_FIELD = {
  Title: 'title',
  Queue: 'queue',
  State: 'state',
  Priority: 'priority',
  Type: 'type',
  Service: 'service',
  SLA: 'sla',
  Owner: 'owner',
  Responsible: 'responsible',
  CustomerUser: 'customer_user',
  CustomerID: 'customer_id',
  Lock: 'lock',
  PendingTime: 'pending_time',
} as const satisfies Record<keyof TicketChanges['fields'], string>
