import path from 'node:path'
import { AblaufError } from '@ablauf/sdk/errors'
import type { Command } from 'commander'
import { z } from 'zod'
import type { CompileResult } from '../compile/compile-types.js'
import { createCompiler } from '../compile/create-compiler.js'
import { compileReport, formatDiagnostic, formatSummary } from '../compile/diagnostic-format.js'
import { watchCompiler } from '../compile/watch-compiler.js'
import type { CommandContext, CommandModule } from './command-context.js'

const optionsSchema = z.strictObject({
  dir: z.string().min(1),
  out: z.string().min(1),
  json: z.boolean().default(false),
  watch: z.boolean().default(false),
  timeout: z.coerce.number().int().min(1).max(600_000).default(2000),
})

function print(result: CompileResult, outLabel: string, json: boolean, ctx: CommandContext): void {
  if (json) {
    ctx.output.out(JSON.stringify(compileReport(result, outLabel), null, 2))
    return
  }
  for (const d of result.diagnostics) ctx.output.err(formatDiagnostic(d))
  ctx.output.out(formatSummary(result, outLabel))
}

/** `ablauf compile [--dir processes] [--out .ablauf/build] [--json] [--watch]` */
export const compileCommand: CommandModule = {
  register(program: Command, ctx: CommandContext): void {
    program
      .command('compile')
      .description('type-check, evaluate and validate process modules; write canonical JSON')
      .option('--dir <dir>', 'the process repository', 'processes')
      .option('--out <dir>', 'where canonical JSON and manifest.json go', '.ablauf/build')
      .option('--json', 'print a machine-readable report')
      .option('--watch', 'rebuild when files change')
      .option('--timeout <ms>', 'time limit for evaluating one process module', '2000')
      .action(async (raw: unknown) => {
        const r = optionsSchema.safeParse(raw)
        if (!r.success) throw new AblaufError('CONFIG_INVALID', r.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '))
        const o = r.data
        const outLabel = path.relative(ctx.cwd, path.resolve(ctx.cwd, o.out)) || '.'
        const compiler = createCompiler({ dir: o.dir, out: o.out, cwd: ctx.cwd, timeoutMs: o.timeout, logger: ctx.logger })
        const first = await compiler.compile()
        print(first, outLabel, o.json, ctx)
        if (!o.watch) {
          ctx.setExitCode(first.errorCount > 0 ? 1 : 0)
          return
        }
        await watchCompiler({
          compiler,
          dir: path.resolve(ctx.cwd, o.dir),
          signal: ctx.signal,
          onBuild: (result, changed, ms) => {
            ctx.output.out(`rebuilt after ${changed.length} change${changed.length === 1 ? '' : 's'} in ${Math.round(ms)} ms`)
            print(result, outLabel, o.json, ctx)
          },
          onError: (err) => ctx.logger.error({ err }, 'rebuild failed'),
        })
      })
  },
}
