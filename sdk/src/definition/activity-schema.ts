import { z } from 'zod'
import { activityDialogSchema } from './dialog-schema.js'
import { fieldNameSchema, idSchema } from './fields.js'

const jsonValueSchema: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValueSchema), z.record(z.string(), jsonValueSchema)]),
) as z.ZodType<JsonValue>

/** Plain JSON. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue }
export { jsonValueSchema }

const base = {
  id: idSchema,
  name: z.string().min(1).max(200),
  description: z.string().max(20000).optional(),
}

/** A dotted path into a request or response, e.g. `body.status` or `body.items.0.id`. */
const pathSchema = z.string().regex(/^[A-Za-z0-9_$-]+(?:\.[A-Za-z0-9_$-]+)*$/, 'a dotted path such as "body.status"')

/** A user task: one or more dialogs that agents and/or customers fill in. */
export const userActivitySchema = z.strictObject({
  ...base,
  kind: z.literal('user'),
  dialogs: z.array(activityDialogSchema).min(1),
})

/** Runs a script registered in the engine by name, synchronously, inside the step's transaction. */
export const scriptActivitySchema = z.strictObject({
  ...base,
  kind: z.literal('script'),
  script: z.string().min(1).max(200),
  params: z.record(z.string(), jsonValueSchema).default({}),
})

/** Retry backoff of a service task: `initialMs * factor^attempt`, capped at `maxMs`, with jitter. */
export const backoffSchema = z.strictObject({
  initialMs: z.number().int().min(0).max(3_600_000).default(1000),
  factor: z.number().min(1).max(10).default(2),
  maxMs: z.number().int().min(0).max(86_400_000).default(60_000),
})

/** Calls an invoker of a web service registered in the engine; runs as a durable job. */
export const serviceActivitySchema = z.strictObject({
  ...base,
  kind: z.literal('service'),
  webService: z.string().min(1).max(200),
  invoker: z.string().min(1).max(200),
  timeoutMs: z.number().int().min(1).max(600_000).default(10_000),
  retries: z.number().int().min(0).max(20).default(0),
  backoff: backoffSchema.default({ initialMs: 1000, factor: 2, maxMs: 60_000 }),
  /** Request path → value (a literal or a placeholder template such as `{{ticket.DynamicField.Serial}}`). */
  input: z.record(pathSchema, z.string().max(10_000)).default({}),
  /** Response path → ticket field the value is written to. */
  output: z.record(pathSchema, fieldNameSchema).default({}),
  /** What counts as failure besides a timeout or a network error. */
  failOn: z
    .strictObject({
      /** HTTP statuses that fail; by default every status outside 200–299. */
      statuses: z.array(z.number().int().min(100).max(599)).optional(),
      /** A response path holding an error code, and the codes that fail. */
      errorCodePath: pathSchema.optional(),
      errorCodes: z.array(z.string().min(1)).optional(),
    })
    .optional(),
})

/** Starts another process and (by default) waits for it to end. */
export const subprocessActivitySchema = z.strictObject({
  ...base,
  kind: z.literal('subprocess'),
  process: idSchema,
  /** `latest` (the active version when started) or a pinned content hash. */
  version: z.union([z.literal('latest'), z.string().regex(/^[0-9a-f]{64}$/, 'a pinned version is a sha256 content hash')]).default('latest'),
  /** Run on this ticket, or on a new ticket linked as child. */
  ticket: z.enum(['same', 'new']).default('same'),
  /** Fields of the new ticket when `ticket` is `new` (placeholders allowed). */
  newTicket: z
    .strictObject({
      title: z.string().min(1).max(1000),
      queue: z.string().min(1).max(250),
      state: z.string().min(1).optional(),
      priority: z.string().min(1).optional(),
    })
    .optional(),
  wait: z.boolean().default(true),
})

/** No dialog; waits until one of its outgoing transitions' conditions holds (Znuny's plain activity). */
export const waitActivitySchema = z.strictObject({ ...base, kind: z.literal('wait') })

/** The process is complete. */
export const endActivitySchema = z.strictObject({ ...base, kind: z.literal('end') })

export const activitySchema = z.discriminatedUnion('kind', [
  userActivitySchema,
  scriptActivitySchema,
  serviceActivitySchema,
  subprocessActivitySchema,
  waitActivitySchema,
  endActivitySchema,
])

export type Activity = z.infer<typeof activitySchema>
export type ActivityKind = Activity['kind']
export type UserActivity = z.infer<typeof userActivitySchema>
export type ScriptActivity = z.infer<typeof scriptActivitySchema>
export type ServiceActivity = z.infer<typeof serviceActivitySchema>
export type SubprocessActivity = z.infer<typeof subprocessActivitySchema>
export type WaitActivity = z.infer<typeof waitActivitySchema>
export type EndActivity = z.infer<typeof endActivitySchema>
