import { isAblaufError } from '@ablauf/sdk/errors'
import { z } from 'zod'
import type { Diagnostic } from '../compile/compile-types.js'
import { formatDiagnostic } from '../compile/diagnostic-format.js'
import { compilerPort, type CompileProcesses } from '../apply/index.js'
import { createEngineClient, type EngineClient } from '../engine-client/index.js'
import { createStatusReporter, githubConfigFromEnv, type StatusReporter } from '../github/index.js'
import type { CommandContext } from './command-context.js'
import { engineOptions } from './engine-options.js'

/** Ports of the GitOps commands beyond the shared context; tests and the composition root may override. */
export interface GitOpsPorts {
  compile?: CompileProcesses
  engineClient?: (url: string, token: string | undefined) => EngineClient
  /** Pace GitHub writes as GitHub asks (default true); a local test server has no rate limit. */
  githubThrottle?: boolean
}

/** Commit statuses on GitHub when GITHUB_TOKEN and GITHUB_REPOSITORY are set. */
export function statusReporter(ctx: CommandContext, ports: GitOpsPorts): StatusReporter {
  return createStatusReporter(githubConfigFromEnv(ctx.env), {
    logger: ctx.logger,
    ...(ports.githubThrottle === undefined ? {} : { throttle: ports.githubThrottle }),
    ...(ctx.env['GITHUB_SERVER_URL'] && ctx.env['GITHUB_REPOSITORY'] && ctx.env['GITHUB_RUN_ID']
      ? { targetUrl: `${ctx.env['GITHUB_SERVER_URL']}/${ctx.env['GITHUB_REPOSITORY']}/actions/runs/${ctx.env['GITHUB_RUN_ID']}` }
      : {}),
  })
}

export function compileWith(ctx: CommandContext, ports: GitOpsPorts): CompileProcesses {
  return ports.compile ?? compilerPort({ cwd: ctx.cwd, logger: ctx.logger })
}

export function engineFrom(flags: { engine?: string | undefined; token?: string | undefined }, ctx: CommandContext, ports: GitOpsPorts): EngineClient {
  const { url, token } = engineOptions(flags, ctx)
  if (ports.engineClient) return ports.engineClient(url, token)
  return createEngineClient({ baseUrl: url, token, logger: ctx.logger.child({ component: 'engine-client' }), fetch: ctx.fetch })
}

/** Prints an error (with compile diagnostics, if any) and returns exit code 1. */
export function reportError(err: unknown, ctx: CommandContext): number {
  if (isAblaufError(err)) {
    const diagnostics = (err.details?.['diagnostics'] ?? []) as Diagnostic[]
    for (const d of diagnostics) ctx.output.err(formatDiagnostic(d))
    for (const line of engineIssues(err.details)) ctx.output.err(line)
    ctx.output.err(`error ${err.code}: ${err.message}`)
  } else {
    ctx.logger.error({ err }, 'unexpected failure')
    ctx.output.err(`error INTERNAL: ${err instanceof Error ? err.message : String(err)}`)
  }
  return 1
}

const engineIssuesSchema = z.object({
  details: z.object({
    definitions: z.array(
      z.object({ id: z.string().optional(), index: z.number().optional(), issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])).optional(), message: z.string() })) }),
    ),
  }),
})

/** The engine's per-definition problems of a rejected deployment, one line each (at most 20). */
function engineIssues(details: Record<string, unknown> | undefined): string[] {
  const parsed = engineIssuesSchema.safeParse(details)
  if (!parsed.success) return []
  const lines = parsed.data.details.definitions.flatMap((d) =>
    d.issues.map((i) => `engine: ${d.id ?? `definitions[${d.index ?? '?'}]`}: ${(i.path ?? []).join('.')}${i.path?.length ? ': ' : ''}${i.message}`),
  )
  return lines.length > 20 ? [...lines.slice(0, 20), `engine: … and ${lines.length - 20} more`] : lines
}
