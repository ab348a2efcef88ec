import type { Command } from 'commander'
import type { Logger } from 'pino'
import type { OutputWriter } from './output-writer.js'

/** The ports every command gets from the composition root. */
export interface CommandContext {
  logger: Logger
  output: OutputWriter
  /** Environment variables (ABLAUF_ENGINE_URL, ABLAUF_TOKEN, …). */
  env: Readonly<Record<string, string | undefined>>
  /** The directory relative paths are resolved against. */
  cwd: string
  fetch: typeof globalThis.fetch
  /** Stops long-running commands (`compile --watch`); aborted on SIGINT/SIGTERM. */
  signal: AbortSignal
  /** Records the process exit code (the highest one set wins). */
  setExitCode(code: number): void
}

/** One `ablauf` command (or command group): adds itself to the program. */
export interface CommandModule {
  register(program: Command, ctx: CommandContext): void
  /**
   * The command's run for `args` (what follows its name) when they are in a form it reads without
   * commander; `undefined` leaves everything else (help, unknown or repeated options, errors) to
   * commander. Saves loading commander where start-up time counts (`compile`).
   */
  direct?(args: readonly string[], ctx: CommandContext): (() => Promise<void>) | undefined
}
