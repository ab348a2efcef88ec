import path from 'node:path'
import { AblaufError } from '@ablauf/sdk/errors'
import type { Command } from 'commander'
import type { CompileResult } from '../compile/compile-types.js'
import { createCompiler } from '../compile/create-compiler.js'
import { cliLogLevel, lazyLogger } from '../compile/lazy-logger.js'
import { compileReport, formatDiagnostic, formatSummary } from '../compile/diagnostic-format.js'
import { watchCompiler } from '../compile/watch-compiler.js'
import type { CommandContext, CommandModule } from './command-context.js'

interface CompileOptions {
  dir: string
  out: string
  json: boolean
  watch: boolean
  timeout: number
}

/**
 * The options commander collected, checked by hand rather than with a zod schema: `compile` is the
 * command that runs on every save and in every CI job, and loading zod costs its main thread ~45 ms
 * (the compiler's evaluation worker has zod already).
 */
function parseOptions(raw: Record<string, unknown>): CompileOptions {
  const problems: string[] = []
  const text = (key: string): string => {
    const v = raw[key]
    if (typeof v === 'string' && v.length > 0) return v
    problems.push(`--${key}: expected a non-empty path`)
    return ''
  }
  const timeoutText = String(raw['timeout'] ?? '2000').trim()
  const timeout = /^\d+$/.test(timeoutText) ? Number(timeoutText) : Number.NaN
  if (!(timeout >= 1 && timeout <= 600_000)) problems.push(`--timeout: expected whole milliseconds from 1 to 600000, got "${timeoutText}"`)
  const options = { dir: text('dir'), out: text('out'), json: raw['json'] === true, watch: raw['watch'] === true, timeout }
  if (problems.length > 0) throw new AblaufError('CONFIG_INVALID', problems.join('; '))
  return options
}

function print(result: CompileResult, outLabel: string, json: boolean, ctx: CommandContext): void {
  if (json) {
    ctx.output.out(JSON.stringify(compileReport(result, outLabel), null, 2))
    return
  }
  for (const d of result.diagnostics) ctx.output.err(formatDiagnostic(d))
  ctx.output.out(formatSummary(result, outLabel))
}

async function runCompile(raw: Record<string, unknown>, ctx: CommandContext): Promise<void> {
  const o = parseOptions(raw)
  const outLabel = path.relative(ctx.cwd, path.resolve(ctx.cwd, o.out)) || '.'
  const logger = lazyLogger(cliLogLevel(ctx.env), () => ctx.logger)
  const compiler = createCompiler({ dir: o.dir, out: o.out, cwd: ctx.cwd, timeoutMs: o.timeout, logger })
  if (!o.watch) {
    const result = await compiler.compile()
    print(result, outLabel, o.json, ctx)
    ctx.setExitCode(result.errorCount > 0 ? 1 : 0)
    return
  }
  await watchCompiler({
    compiler,
    dir: path.resolve(ctx.cwd, o.dir),
    signal: ctx.signal,
    initialBuild: async () => print(await compiler.compile(), outLabel, o.json, ctx),
    onBuild: (result, changed, ms) => {
      ctx.output.out(`rebuilt after ${changed.length} change${changed.length === 1 ? '' : 's'} in ${Math.round(ms)} ms`)
      print(result, outLabel, o.json, ctx)
    },
    onError: (err) => logger.error({ err }, 'rebuild failed'),
  })
}

const DEFAULTS: Readonly<Record<string, unknown>> = { dir: 'processes', out: '.ablauf/build', timeout: '2000' }
const VALUE_OPTIONS = new Set(['--dir', '--out', '--timeout'])
const FLAGS = new Set(['--json', '--watch'])

/**
 * The options of `args` as commander would collect them, when they are only known options, each
 * once, values in their own argument and not starting with `-`; `undefined` for anything else.
 */
function plainArgs(args: readonly string[]): Record<string, unknown> | undefined {
  const raw: Record<string, unknown> = { ...DEFAULTS }
  const seen = new Set<string>()
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string
    if (seen.has(arg)) return undefined
    seen.add(arg)
    if (FLAGS.has(arg)) raw[arg.slice(2)] = true
    else if (VALUE_OPTIONS.has(arg)) {
      const value = args[++i]
      if (value === undefined || value.startsWith('-')) return undefined
      raw[arg.slice(2)] = value
    } else return undefined
  }
  return raw
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
      .action((raw: Record<string, unknown>) => runCompile(raw, ctx))
  },
  direct(args: readonly string[], ctx: CommandContext): (() => Promise<void>) | undefined {
    const raw = plainArgs(args)
    return raw && (() => runCompile(raw, ctx))
  },
}
