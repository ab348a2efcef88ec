import { createRequire } from 'node:module'
import type { Logger } from 'pino'
import { isAblaufError, type ErrorCode } from '@ablauf/sdk/errors'
import { loadCommands, type CommandContext, type CommandModule } from './commands/index.js'
import { createOutputWriter } from './commands/output-writer.js'
import { cliLogLevel } from './compile/lazy-logger.js'

/** What the CLI needs from the outside world; `bin/ablauf.ts` passes the real ones. */
export interface CliPorts {
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
  env: Readonly<Record<string, string | undefined>>
  cwd: string
  fetch: typeof globalThis.fetch
  signal: AbortSignal
}

/** The exit code of each error family; the CLI contract knows 0, 1 and (plan) 2. */
const EXIT_CODES: Record<ErrorCode, number> = {
  BAD_REQUEST: 1,
  DEFINITION_INVALID: 1,
  TARGET_INVALID: 1,
  CONFIG_INVALID: 1,
  COMPILE_FAILED: 1,
  IMPORT_FAILED: 1,
  NOT_FOUND: 1,
  CONFLICT: 1,
  VERSION_CONFLICT: 1,
  WRONG_ACTIVITY: 1,
  REQUIRED_FIELD_MISSING: 1,
  UNAUTHENTICATED: 1,
  FORBIDDEN: 1,
  PAYLOAD_TOO_LARGE: 1,
  RATE_LIMITED: 1,
  SCRIPT_FAILED: 1,
  SERVICE_FAILED: 1,
  STEP_LIMIT_EXCEEDED: 1,
  ENGINE_UNAVAILABLE: 1,
  INTERNAL: 1,
}

function makeLogger(env: CliPorts['env']): Logger {
  const { pino } = createRequire(import.meta.url)('pino') as typeof import('pino')
  return pino({ level: cliLogLevel(env), redact: ['token', '*.token', 'headers.authorization'] }, pino.destination({ fd: 2, sync: true }))
}

/**
 * The composition root of the `ablauf` CLI: makes the logger and output writer, registers the
 * commands, runs the one in `argv` and returns the exit code. User errors print as
 * `error CODE: message` without a stack; anything else is a bug and prints its stack.
 */
export async function runCli(argv: readonly string[], ports: CliPorts): Promise<number> {
  const output = createOutputWriter(ports.stdout, ports.stderr)
  let logger: Logger | undefined
  let exitCode = 0
  const ctx: CommandContext = {
    // Made on first use: `compile` rarely logs, and loading pino is a noticeable part of its start.
    get logger(): Logger {
      return (logger ??= makeLogger(ports.env))
    },
    output,
    env: ports.env,
    cwd: ports.cwd,
    fetch: ports.fetch,
    signal: ports.signal,
    setExitCode: (code) => {
      exitCode = Math.max(exitCode, code)
    },
  }
  let commander: typeof import('commander') | undefined
  try {
    const commands = await loadCommands(argv)
    const [name, ...args] = argv.slice(2)
    const direct = commands.length === 1 && commands[0]?.direct && name !== undefined && !name.startsWith('-') ? commands[0].direct(args, ctx) : undefined
    if (direct) await direct()
    else {
      commander = (await import('commander')) as typeof import('commander')
      await parseWithCommander(commander, commands, argv, ctx)
    }
    return exitCode
  } catch (err) {
    if (commander && err instanceof commander.CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? 0 : err.exitCode || 1
    }
    if (isAblaufError(err)) {
      output.err(`error ${err.code}: ${err.message}`)
      return EXIT_CODES[err.code]
    }
    output.err(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
    return 1
  }
}

async function parseWithCommander(commander: typeof import('commander'), commands: readonly CommandModule[], argv: readonly string[], ctx: CommandContext): Promise<void> {
  const { output } = ctx
  const program = new commander.Command()
    .name('ablauf')
    .description('processes as code for OTOBO/Znuny-style ticket processes')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => output.out(s.trimEnd()), writeErr: (s) => output.err(s.trimEnd()) })
  for (const command of commands) command.register(program, ctx)
  for (const sub of program.commands) sub.exitOverride()
  await program.parseAsync([...argv], { from: 'node' })
}
