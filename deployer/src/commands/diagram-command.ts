import { AblaufError } from '@ablauf/sdk/errors'
import type { Command } from 'commander'
import { z } from 'zod'
import { createCompiler } from '../compile/create-compiler.js'
import { formatDiagnostic } from '../compile/diagnostic-format.js'
import { renderMermaid } from '../diagram/render-mermaid.js'
import type { CommandContext, CommandModule } from './command-context.js'

const optionsSchema = z.object({ dir: z.string().min(1) })

/** `ablauf diagram ID [--dir processes]`: compiles the repository and prints a Mermaid flowchart. */
export const diagramCommand: CommandModule = {
  register(program: Command, ctx: CommandContext): void {
    program
      .command('diagram')
      .description('print a Mermaid flowchart of a process')
      .argument('<id>', 'the process id')
      .option('--dir <dir>', 'the process repository', 'processes')
      .action(async (id: string, raw: unknown) => {
        const o = optionsSchema.parse(raw)
        const result = await createCompiler({ dir: o.dir, cwd: ctx.cwd, logger: ctx.logger }).compile()
        const found = result.processes.find((p) => p.id === id)
        if (!found) {
          for (const d of result.diagnostics.filter((x) => x.severity === 'error')) ctx.output.err(formatDiagnostic(d))
          const known = result.processes.map((p) => p.id)
          const hint = result.errorCount > 0 ? 'fix the errors above' : known.length > 0 ? `known: ${known.join(', ')}` : 'no processes compiled'
          throw new AblaufError(result.errorCount > 0 ? 'COMPILE_FAILED' : 'NOT_FOUND', `no valid process "${id}" in ${o.dir} (${hint})`)
        }
        ctx.output.out(renderMermaid(found.definition))
        ctx.setExitCode(0)
      })
  },
}
