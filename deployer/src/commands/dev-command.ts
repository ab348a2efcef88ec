import type { Command } from 'commander'
import { resolveDevSettings, type DevFlags } from '../dev/dev-options.js'
import { runDevSession } from '../dev/dev-session.js'
import { repoRoot } from '../dev/repo-root.js'
import type { CommandContext, CommandModule } from './command-context.js'

/**
 * `ablauf dev [--port N] [--db PATH] [--dir processes]` — what `npm start` runs: the engine on SQLite
 * with the demo target, `processes/` deployed and redeployed on save and on commit. Runs until
 * Ctrl-C (SIGINT/SIGTERM), then stops the engine gracefully and exits 0.
 */
export const devCommand: CommandModule = {
  register(program: Command, ctx: CommandContext): void {
    program
      .command('dev')
      .description('run the engine locally (SQLite, demo target), deploy processes/ and redeploy on every save and commit')
      .option('--port <n>', 'the engine port (or PORT; default 8080; 0 takes a free one)')
      .option('--db <path>', 'the SQLite file (default .ablauf/dev.db under the repository root)')
      .option('--dir <dir>', 'the process repository', 'processes')
      .action(async (flags: DevFlags) => {
        const settings = resolveDevSettings(flags, ctx.env, ctx.cwd, await repoRoot(ctx.cwd))
        await runDevSession({ settings, cwd: ctx.cwd, env: ctx.env, logger: ctx.logger, output: ctx.output, fetch: ctx.fetch, signal: ctx.signal })
      })
  },
}
