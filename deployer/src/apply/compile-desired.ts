import { AblaufError } from '@ablauf/sdk/errors'
import type { Logger } from 'pino'
import type { CompileResult } from '../compile/compile-types.js'
import { createCompiler } from '../compile/create-compiler.js'

/** Compiles a process repository; the port plan, apply and reconcile use to get desired definitions. */
export type CompileProcesses = (dir: string) => Promise<CompileResult>

/** The real compiler as a {@link CompileProcesses} port (type-check, evaluate, validate; writes nothing). */
export function compilerPort(options: { cwd: string; logger: Logger }): CompileProcesses {
  return (dir) => createCompiler({ dir, cwd: options.cwd, logger: options.logger }).compile()
}

/** The compile result, or COMPILE_FAILED carrying the diagnostics when any error was found. */
export function requireCompiled(result: CompileResult): CompileResult {
  if (result.errorCount === 0) return result
  throw new AblaufError('COMPILE_FAILED', `${result.errorCount} compile error${result.errorCount === 1 ? '' : 's'}; nothing was deployed`, {
    diagnostics: result.diagnostics.filter((d) => d.severity === 'error'),
  })
}
