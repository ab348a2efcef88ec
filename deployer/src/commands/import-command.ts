import path from 'node:path'
import type { Command } from 'commander'
import { z } from 'zod'
import { importProcessFile } from '../interop/import-process-file.js'
import type { CommandContext, CommandModule } from './command-context.js'
import { configError } from './gitops-options.js'
import { reportError } from './gitops-command-support.js'

const optionsSchema = z.object({
  from: z.enum(['json', 'znuny']).optional(),
  out: z.string().min(1).optional(),
  dir: z.string().min(1),
  force: z.boolean().optional(),
})

async function runImport(file: string, raw: unknown, ctx: CommandContext): Promise<number> {
  try {
    const o = configError(optionsSchema.safeParse(raw))
    const r = await importProcessFile({
      file: path.resolve(ctx.cwd, file),
      dir: path.resolve(ctx.cwd, o.dir),
      ...(o.from ? { from: o.from } : {}),
      ...(o.out ? { out: path.resolve(ctx.cwd, o.out) } : {}),
      ...(o.force ? { force: true } : {}),
    })
    for (const w of r.warnings) ctx.output.err(`warning ${w.entityId}: ${w.message}`)
    const rel = path.relative(ctx.cwd, r.outFile)
    const note = r.warnings.length > 0 ? ` (${r.warnings.length} warning(s); see the TODO(znuny-import) comments)` : ''
    ctx.output.out(`Imported "${r.definition.id}" from ${r.format === 'json' ? 'JSON' : 'Znuny/OTOBO YAML'} to ${rel}${note}.`)
    return 0
  } catch (err) {
    return reportError(err, ctx)
  }
}

/** `ablauf import FILE [--from json|znuny] [--out processes/ID.process.ts] [--dir processes] [--force]` */
export const importCommand: CommandModule = {
  register(program: Command, ctx: CommandContext): void {
    program
      .command('import')
      .description('import a JSON definition or a Znuny/OTOBO process export (YAML) as a .process.ts module')
      .argument('<file>', 'the file to import (.json, .yml)')
      .option('--from <format>', 'json or znuny (default: by extension, then content)')
      .option('--out <file>', 'the module to write (default <dir>/<id>.process.ts)')
      .option('--dir <dir>', 'the process repository (its ablauf.target.json is checked)', 'processes')
      .option('--force', 'overwrite an existing module')
      .action(async (file: string, opts: unknown) => ctx.setExitCode(await runImport(file, opts, ctx)))
  },
}
