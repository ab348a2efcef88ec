import path from 'node:path'
import type { Command } from 'commander'
import { scaffoldRepository } from '../init/scaffold-repository.js'
import type { CommandContext, CommandModule } from './command-context.js'

/** `ablauf init [DIR]` */
export const initCommand: CommandModule = {
  register(program: Command, ctx: CommandContext): void {
    program
      .command('init')
      .description('scaffold a process repository')
      .argument('[dir]', 'where to create it', 'processes')
      .action((dir: string) => {
        const abs = path.resolve(ctx.cwd, dir)
        const files = scaffoldRepository(abs)
        const rel = path.relative(ctx.cwd, abs) || '.'
        ctx.output.out(`created a process repository in ${rel}: ${files.join(', ')}`)
        ctx.output.out(`next: cd ${rel} && npm install && npx ablauf compile --dir .`)
        ctx.setExitCode(0)
      })
  },
}
