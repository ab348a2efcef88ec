import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Command } from 'commander'
import { z } from 'zod'
import { fetchDefinition } from '../interop/json/fetch-definition.js'
import { definitionToJson } from '../interop/json/definition-json.js'
import { exportZnuny } from '../interop/znuny/export-znuny.js'
import type { CommandContext, CommandModule } from './command-context.js'
import { configError } from './gitops-options.js'
import { engineFrom, reportError, type GitOpsPorts } from './gitops-command-support.js'

const optionsSchema = z.object({
  engine: z.string().optional(),
  token: z.string().optional(),
  version: z.coerce.number().int().positive().optional(),
  format: z.enum(['json', 'znuny']),
  tags: z.enum(['otrs', 'otobo']),
  out: z.string().min(1).optional(),
})

async function runExport(id: string, raw: unknown, ctx: CommandContext, ports: GitOpsPorts): Promise<number> {
  try {
    const o = configError(optionsSchema.safeParse(raw))
    const engine = engineFrom({ engine: o.engine, token: o.token }, ctx, ports)
    const { definition, version } = await fetchDefinition(engine, id, o.version)
    let text: string
    if (o.format === 'json') {
      text = definitionToJson(definition)
    } else {
      const r = exportZnuny(definition, { tags: o.tags })
      for (const w of r.warnings) ctx.output.err(`warning ${w.entityId}: ${w.message}`)
      text = r.yaml
    }
    if (o.out === undefined) {
      ctx.output.out(text.trimEnd())
    } else {
      const file = path.resolve(ctx.cwd, o.out)
      await writeFile(file, text, 'utf8')
      ctx.output.err(`Exported "${id}" version ${version} as ${o.format} to ${path.relative(ctx.cwd, file)}.`)
    }
    return 0
  } catch (err) {
    return reportError(err, ctx)
  }
}

/** `ablauf export --engine URL ID [--version N] [--format json|znuny] [--tags otrs|otobo] [--out F]` */
export function createExportCommand(ports: GitOpsPorts = {}): CommandModule {
  return {
    register(program: Command, ctx: CommandContext): void {
      // `--version N` belongs to export; without positional options commander reads it as the program's `--version`.
      program.enablePositionalOptions()
      program
        .command('export')
        .description('export a deployed process as canonical JSON or as a Znuny/OTOBO process (YAML)')
        .argument('<id>', 'the process id')
        .option('--engine <url>', 'the engine (or ABLAUF_ENGINE_URL)')
        .option('--token <token>', 'an API token with read scope (or ABLAUF_TOKEN)')
        .option('--version <n>', 'the version (default: the active one)')
        .option('--format <format>', 'json or znuny', 'json')
        .option('--tags <flavour>', 'tags for placeholders in Znuny YAML: otrs or otobo', 'otrs')
        .option('--out <file>', 'write to a file instead of stdout')
        .action(async (id: string, opts: unknown) => ctx.setExitCode(await runExport(id, opts, ctx, ports)))
    },
  }
}

export const exportCommand: CommandModule = createExportCommand()
