import { processDefinitionSchema, processStateSchema } from '@ablauf/sdk/definition'
import { z } from 'zod'

/**
 * zod schemas of the engine's HTTP responses (DESIGN.md, "Engine HTTP API"). Objects are loose so that
 * a newer engine may add fields; what the deployer reads is required. A list may come bare or wrapped
 * (`{ processes: [...] }`, `{ items: [...] }`), so both parse.
 */
const idLike = z.union([z.string(), z.number()]).transform(String)

/** A deployed process as `GET /api/v1/processes` lists it. */
export const deployedProcessSummarySchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  state: processStateSchema,
  activeVersion: z.number().int().nullable().optional().transform((v) => v ?? null),
  activeHash: z.string().nullable().optional().transform((v) => v ?? null),
})
export type DeployedProcessSummary = z.infer<typeof deployedProcessSummarySchema>

/** A deployed process with its active definition: `GET /api/v1/processes?include=definition`. */
export const deployedProcessWithDefinitionSchema = deployedProcessSummarySchema.extend({
  definition: processDefinitionSchema.nullable(),
})
export type DeployedProcessWithDefinition = z.infer<typeof deployedProcessWithDefinitionSchema>

/** One immutable version: `GET /api/v1/processes/:id/versions/:v`. */
export const processVersionSchema = z.looseObject({
  processId: z.string().optional(),
  version: z.number().int(),
  hash: z.string(),
  definition: processDefinitionSchema,
  sourceCommit: z.string().nullable().optional(),
  deploymentId: idLike.nullable().optional(),
})
export type ProcessVersion = z.infer<typeof processVersionSchema>

/** One step of what a deployment did, as the engine reports it. */
export const deploymentStepSchema = z.looseObject({
  processId: z.string(),
  op: z.string(),
  hash: z.string().nullable().optional(),
  version: z.number().int().nullable().optional(),
  previousVersion: z.number().int().nullable().optional(),
})

/** A deployment: `POST /api/v1/deployments`, `GET /api/v1/deployments[/:id]`. */
export const deploymentSchema = z.looseObject({
  id: idLike,
  basedOn: idLike.nullable().optional(),
  source: z.looseObject({ commit: z.string(), ref: z.string(), author: z.string() }).optional(),
  plan: z.array(deploymentStepSchema).optional(),
  createdAt: z.string().optional(),
  dryRun: z.boolean().optional(),
})
export type Deployment = z.infer<typeof deploymentSchema>

/**
 * The answer to `POST /api/v1/deployments`: the deployment (the latest one when nothing changed; null
 * on a dry run or an empty engine), the engine's plan, and whether anything changed.
 */
export const deploymentResultSchema = z.preprocess(
  // An engine that answers with the bare deployment means it changed something.
  (raw) =>
    typeof raw === 'object' && raw !== null && !('changed' in raw) && 'id' in raw
      ? { deployment: raw, plan: (raw as { plan?: unknown }).plan ?? [], changed: true, dryRun: false }
      : raw,
  z.looseObject({
    deployment: deploymentSchema.nullable(),
    plan: z.array(deploymentStepSchema).default([]),
    changed: z.boolean(),
    dryRun: z.boolean().default(false),
  }),
)
export type DeploymentResult = z.infer<typeof deploymentResultSchema>

/** A process instance (only what plans need); `version` is the content hash of its version. */
export const instanceSchema = z.looseObject({
  id: idLike,
  processId: z.string(),
  version: idLike,
  status: z.string().optional(),
  activity: z.string().nullable().optional(),
})
export type InstanceSummary = z.infer<typeof instanceSchema>

/** Instances of one process version in one activity: `GET /api/v1/instances/summary`. */
export const instanceCountSchema = z.looseObject({
  processId: z.string(),
  /** The version's content hash, as instances name it. */
  version: idLike,
  versionNumber: z.number().int().nullable().optional().transform((v) => v ?? null),
  activity: z.string().nullable(),
  count: z.number().int().nonnegative(),
})
export type InstanceCount = z.infer<typeof instanceCountSchema>

/** One page of `GET /api/v1/instances`: the instances and the cursor of the next page (null on the last). */
export const instancePageSchema = z.looseObject({
  instances: z.array(instanceSchema),
  next: z.string().nullable().optional().transform((v) => v ?? null),
})

/** The engine's error envelope: `{ error: { code, message, details }, requestId }`. */
export const engineErrorSchema = z.looseObject({
  error: z.looseObject({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
  requestId: z.string().optional(),
})

/** A list that may be bare or wrapped under one of `keys`. */
export function listOf<T extends z.ZodType>(item: T, keys: readonly string[]): z.ZodType<z.output<T>[]> {
  return z.preprocess((raw) => {
    if (Array.isArray(raw) || typeof raw !== 'object' || raw === null) return raw
    const record = raw as Record<string, unknown>
    for (const key of [...keys, 'items', 'data']) if (Array.isArray(record[key])) return record[key]
    return raw
  }, z.array(item)) as unknown as z.ZodType<z.output<T>[]>
}

/** A single object that may be bare or wrapped under `key`. */
export function oneOf<T extends z.ZodType>(item: T, key: string): z.ZodType<z.output<T>> {
  return z.preprocess((raw) => {
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
      const inner = (raw as Record<string, unknown>)[key]
      if (typeof inner === 'object' && inner !== null && !Array.isArray(inner)) return inner
    }
    return raw
  }, item) as unknown as z.ZodType<z.output<T>>
}
