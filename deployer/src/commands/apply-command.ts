import path from 'node:path'
import type { Command } from 'commander'
import { z } from 'zod'
import { applyDefinitions, resolveDeploymentSource, type DeploymentStep } from '../apply/index.js'
import { renderPlanText, summaryLine } from '../plan/index.js'
import type { CommandContext, CommandModule } from './command-context.js'
import { reportError, statusReporter, type GitOpsPorts } from './gitops-command-support.js'
import { configError } from './gitops-options.js'
import { makePlan } from './plan-command.js'

export const applyOptionsSchema = z.strictObject({
  engine: z.string().optional(),
  token: z.string().optional(),
  dir: z.string().min(1).default('processes'),
  commit: z.string().optional(),
  ref: z.string().optional(),
  author: z.string().optional(),
})
export type ApplyCommandOptions = z.input<typeof applyOptionsSchema>

/**
 * `ablauf apply`: compile, plan against the engine, deploy atomically with source commit/ref/author and
 * `basedOn`; on VERSION_CONFLICT re-plan once and retry. Prints what was deployed. Exit 0 / 1.
 */
export async function runApply(raw: ApplyCommandOptions, ctx: CommandContext, ports: GitOpsPorts = {}): Promise<number> {
  let commit: string | undefined
  const github = statusReporter(ctx, ports)
  try {
    const options = configError(applyOptionsSchema.safeParse(raw))
    const source = await resolveDeploymentSource({
      dir: path.resolve(ctx.cwd, options.dir),
      env: ctx.env,
      flags: { commit: options.commit, ref: options.ref, author: options.author },
    })
    commit = source.commit
    await github.report(commit, 'pending', 'Ablauf is deploying')
    const { plan, definitions, engine } = await makePlan(options, ctx, ports)
    const outcome = await applyDefinitions({ engine, definitions, source, plan, logger: ctx.logger })
    ctx.output.out(renderPlanText(outcome.plan).trimEnd())
    if (outcome.status === 'unchanged') {
      ctx.output.out('\nNothing to deploy: the engine already runs these definitions.')
      await github.report(commit, 'success', 'Ablauf: nothing to deploy, the engine runs this commit')
    } else {
      ctx.output.out(`\nDeployed ${outcome.deployment.id} from ${source.commit.slice(0, 12)} (${source.ref}, ${source.author}):`)
      for (const step of outcome.steps) if (step.op !== 'unchanged') ctx.output.out(`  ${deployedStep(step)}`)
      await github.report(commit, 'success', `Ablauf deployed ${outcome.deployment.id}: ${summaryLine(outcome.plan.summary)}`)
    }
    return 0
  } catch (err) {
    if (commit !== undefined) await github.report(commit, 'failure', `Ablauf could not deploy: ${errorText(err)}`)
    return reportError(err, ctx)
  }
}

/** `ablauf apply --engine URL [--dir processes] [--commit SHA --ref REF --author NAME]` */
export function createApplyCommand(ports: GitOpsPorts = {}): CommandModule {
  return {
    register(program: Command, ctx: CommandContext): void {
      program
        .command('apply')
        .description('deploy the processes atomically (exit 0 / 1)')
        .option('--engine <url>', 'the engine (or ABLAUF_ENGINE_URL)')
        .option('--token <token>', 'an API token with deploy scope (or ABLAUF_TOKEN)')
        .option('--dir <dir>', 'the process repository', 'processes')
        .option('--commit <sha>', 'source commit (default GITHUB_SHA, else git HEAD)')
        .option('--ref <ref>', 'source ref (default GITHUB_REF, else the current branch)')
        .option('--author <name>', 'source author (default GITHUB_ACTOR, else the commit author)')
        .action(async (opts: ApplyCommandOptions) => ctx.setExitCode(await runApply(opts, ctx, ports)))
    },
  }
}

function errorText(err: unknown): string {
  const code = (err as { code?: unknown }).code
  const message = err instanceof Error ? err.message : String(err)
  return typeof code === 'string' ? `${code}: ${message}` : message
}

export const applyCommand: CommandModule = createApplyCommand()

/** `update incident-triage v2 → v3`, `create intake v1`, `fade-away old v4` */
function deployedStep(step: DeploymentStep): string {
  const v = (n: number | null): string => (n === null ? '' : `v${n}`)
  if (step.op === 'fade-away') return `fade-away ${step.processId} ${v(step.version)}`.trimEnd()
  const from = step.previousVersion !== null && step.previousVersion !== step.version ? `${v(step.previousVersion)} → ` : ''
  return `${step.op} ${step.processId} ${from}${v(step.version)}`.trimEnd()
}
