import { z } from 'zod'

/** The body of `POST /api/v1/deployments`. Definitions are parsed one by one later, to report each. */
export const deploymentRequestSchema = z.strictObject({
  definitions: z.array(z.unknown()).max(500),
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
