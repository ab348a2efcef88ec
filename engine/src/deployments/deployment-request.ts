import { z } from 'zod'

/** The most definitions one deployment may carry: a repository of 1,000s of processes deploys in one go. */
export const MAX_DEFINITIONS = 5000

/**
 * The body limit of `POST /deployments` (only that route): room for {@link MAX_DEFINITIONS} definitions of
 * ~13 KB each. A larger `server.bodyLimit` wins; each single definition must still fit in `server.bodyLimit`.
 */
export const DEPLOYMENT_BODY_BYTES = 64 * 1024 * 1024

/** The body of `POST /api/v1/deployments`. Definitions are parsed one by one later, to report each. */
export const deploymentRequestSchema = z.strictObject({
  definitions: z.array(z.unknown()).max(MAX_DEFINITIONS, `a deployment carries at most ${MAX_DEFINITIONS} definitions`),
  source: z.strictObject({
    commit: z.string().min(1).max(200),
    ref: z.string().min(1).max(500),
    author: z.string().min(1).max(500),
  }),
  /** The deployment id the caller planned against; another latest deployment means 409 VERSION_CONFLICT. */
  basedOn: z.string().min(1).max(100).nullable().optional(),
  /** Return the plan and change nothing. */
  dryRun: z.boolean().default(false),
})
export type DeploymentRequest = z.infer<typeof deploymentRequestSchema>
