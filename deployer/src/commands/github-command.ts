import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { AblaufError } from '@ablauf/sdk/errors'
import type { Command } from 'commander'
import { z } from 'zod'
import { createGitHubRepo, githubConfigFromEnv, upsertPlanComment } from '../github/index.js'
import type { CommandContext, CommandModule } from './command-context.js'
import { reportError, type GitOpsPorts } from './gitops-command-support.js'
import { configError } from './gitops-options.js'
import { makePlan, renderPlan } from './plan-command.js'

export const commentOptionsSchema = z.strictObject({
  pr: z.coerce.number().int().positive(),
  bodyFile: z.string().min(1).optional(),
  engine: z.string().optional(),
  token: z.string().optional(),
  dir: z.string().min(1).default('processes'),
})
export type CommentOptions = z.input<typeof commentOptionsSchema>

/**
 * `ablauf github comment --pr N`: posts the Markdown plan as ONE marked comment on the pull request and
 * updates it in place afterwards (several marked parts when over GitHub's size limit). The plan comes
 * from `--body-file` (the output of `ablauf plan --format markdown`) or is made here.
 */
export async function runGitHubComment(raw: CommentOptions, ctx: CommandContext, ports: GitOpsPorts = {}): Promise<number> {
  try {
    const options = configError(commentOptionsSchema.safeParse(raw))
    const config = githubConfigFromEnv(ctx.env)
    if (config === null) throw new AblaufError('CONFIG_INVALID', 'set GITHUB_TOKEN and GITHUB_REPOSITORY (owner/repo) to comment on a pull request')
    const markdown =
      options.bodyFile !== undefined
        ? await readFile(path.resolve(ctx.cwd, options.bodyFile), 'utf8')
        : renderPlan((await makePlan(options, ctx, ports)).plan, 'markdown')
    const gh = createGitHubRepo(config, { logger: ctx.logger, ...(ports.githubThrottle === undefined ? {} : { throttle: ports.githubThrottle }) })
    const sync = await upsertPlanComment(gh, options.pr, markdown)
    const verb = sync.created.length > 0 && sync.updated.length + sync.unchanged.length === 0 ? 'created' : 'updated'
    ctx.output.out(`plan comment ${verb} on ${config.owner}/${config.repo}#${options.pr}`)
    return 0
  } catch (err) {
    return reportError(err, ctx)
  }
}

/** `ablauf github comment --pr N [--body-file plan.md]` */
export function createGitHubCommand(ports: GitOpsPorts = {}): CommandModule {
  return {
    register(program: Command, ctx: CommandContext): void {
      const github = program.command('github').description('GitHub integration (GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL)')
      github
        .command('comment')
        .description('post or update the plan comment on a pull request')
        .requiredOption('--pr <number>', 'the pull request number')
        .option('--body-file <file>', 'the Markdown plan (else it is made with --engine and --dir)')
        .option('--engine <url>', 'the engine (or ABLAUF_ENGINE_URL)')
        .option('--token <token>', 'an API token with read scope (or ABLAUF_TOKEN)')
        .option('--dir <dir>', 'the process repository', 'processes')
        .action(async (opts: CommentOptions) => ctx.setExitCode(await runGitHubComment(opts, ctx, ports)))
    },
  }
}

export const githubCommand: CommandModule = createGitHubCommand()
