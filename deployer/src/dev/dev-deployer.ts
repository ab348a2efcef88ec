import { isAblaufError } from '@ablauf/sdk/errors'
import type { Logger } from 'pino'
import { applyDefinitions } from '../apply/index.js'
import type { OutputWriter } from '../commands/output-writer.js'
import type { CompileResult } from '../compile/compile-types.js'
import { formatDiagnostic, formatSummary } from '../compile/diagnostic-format.js'
import type { EngineClient } from '../engine-client/index.js'
import { summaryLine } from '../plan/index.js'
import { DIRTY_SUFFIX, readDevSource } from './dev-source.js'

/** Options of {@link createDevDeployer}. */
export interface DevDeployerOptions {
  engine: EngineClient
  /** The process repository (its git HEAD is the deployment's source). */
  dir: string
  logger: Logger
  output: OutputWriter
}

/** What one round did. */
export type DevDeployStatus = 'deployed' | 'unchanged' | 'compile-failed' | 'deploy-failed'

/** Deploys builds of the process repository to the dev engine, one at a time, in the order asked. */
export interface DevDeployer {
  /**
   * Prints the build like `ablauf compile` (diagnostics as `file:line:col - error CODE: message`) and
   * deploys its definitions. A build with errors deploys nothing: the engine keeps running the last
   * good deployment. Never throws: a refused deployment is printed and the next save tries again.
   */
  deploy(result: CompileResult, reason: string): Promise<DevDeployStatus>
  /** Resolves when every round asked for so far has finished. */
  settled(): Promise<void>
}

export function createDevDeployer(options: DevDeployerOptions): DevDeployer {
  const { output } = options
  const log = options.logger.child({ component: 'dev-deployer' })
  let queue: Promise<unknown> = Promise.resolve()

  const round = async (result: CompileResult, reason: string): Promise<DevDeployStatus> => {
    for (const d of result.diagnostics) output.err(formatDiagnostic(d))
    output.out(formatSummary(result, undefined))
    if (result.errorCount > 0) {
      output.err(`not deployed (${reason}): fix the compile errors above; the engine keeps running the last good deployment`)
      return 'compile-failed'
    }
    try {
      const source = await readDevSource(options.dir)
      const outcome = await applyDefinitions({
        engine: options.engine,
        definitions: result.processes.map((p) => p.definition),
        source,
        logger: log,
      })
      if (outcome.status === 'unchanged') {
        output.out(`nothing to deploy (${reason}): the engine already runs these definitions`)
        return 'unchanged'
      }
      output.out(`deployed ${outcome.deployment.id} from ${shortCommit(source.commit)} (${reason}): ${summaryLine(outcome.plan.summary)}`)
      return 'deployed'
    } catch (err) {
      if (isAblaufError(err)) output.err(`not deployed (${reason}): error ${err.code}: ${err.message}`)
      else {
        log.error({ err }, 'deployment failed')
        output.err(`not deployed (${reason}): ${err instanceof Error ? err.message : String(err)}`)
      }
      return 'deploy-failed'
    }
  }

  return {
    deploy(result, reason) {
      const next = queue.then(() => round(result, reason))
      queue = next.catch(() => undefined)
      return next
    },
    settled: () => queue.then(() => undefined),
  }
}

/** `3f2a9c1b0d4e` or `3f2a9c1b0d4e-dirty`. */
function shortCommit(commit: string): string {
  const dirty = commit.endsWith(DIRTY_SUFFIX)
  const sha = dirty ? commit.slice(0, -DIRTY_SUFFIX.length) : commit
  return `${sha.slice(0, 12)}${dirty ? DIRTY_SUFFIX : ''}`
}
