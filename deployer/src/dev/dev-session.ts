import { existsSync } from 'node:fs'
import path from 'node:path'
import { AblaufError } from '@ablauf/sdk/errors'
import type { Logger } from 'pino'
import type { OutputWriter } from '../commands/output-writer.js'
import { createCompiler } from '../compile/create-compiler.js'
import { watchCompiler } from '../compile/watch-compiler.js'
import { createEngineClient } from '../engine-client/index.js'
import { createDevDeployer } from './dev-deployer.js'
import { startDevEngine } from './dev-engine.js'
import type { DevSettings } from './dev-options.js'
import { watchGitHead } from './git-head-watcher.js'
import { readyBanner } from './ready-banner.js'
import { filesChangedBetween } from './repo-root.js'

/** Options of {@link runDevSession}. */
export interface DevSessionOptions {
  settings: DevSettings
  /** Diagnostics name files relative to this. */
  cwd: string
  env: Readonly<Record<string, string | undefined>>
  logger: Logger
  output: OutputWriter
  fetch: typeof globalThis.fetch
  /** Ends the session: watchers stop, the engine shuts down gracefully. */
  signal: AbortSignal
  /** How often the repository's HEAD is polled (ms); default 2000. */
  gitPollMs?: number
}

/**
 * `ablauf dev`: the engine in this process on SQLite with the demo target; the process repository
 * compiled and deployed through the engine's HTTP API (as `ablauf apply` does); rebuilt
 * incrementally and redeployed on every save and every new commit; prints the ready banner.
 * Resolves after `signal` aborted and the engine has stopped.
 */
export async function runDevSession(options: DevSessionOptions): Promise<void> {
  const { settings, output, signal } = options
  const log = options.logger.child({ component: 'dev' })
  if (!existsSync(settings.dir)) {
    throw new AblaufError('CONFIG_INVALID', `the process repository ${settings.dir} does not exist: run from the repository root or pass --dir DIR`)
  }
  const engine = await startDevEngine({ port: settings.port, dbPath: settings.dbPath, token: settings.token, logger: options.logger, env: options.env })
  const client = createEngineClient({ baseUrl: engine.url, token: settings.token, logger: options.logger.child({ component: 'engine-client' }), fetch: options.fetch })
  const deployer = createDevDeployer({ engine: client, dir: settings.dir, logger: options.logger, output })
  try {
    const compiler = createCompiler({ dir: settings.dir, cwd: options.cwd, logger: options.logger })
    const label = (files: readonly string[]): string =>
      files.length === 1 ? `saved ${path.relative(options.cwd, files[0] ?? '')}` : `${files.length} files changed`
    await Promise.all([
      watchCompiler({
        compiler,
        dir: settings.dir,
        signal,
        // Deployed once the watchers are armed, so a save during the first build is deployed next.
        initialBuild: async () => {
          await deployer.deploy(await compiler.compile(), 'start')
          for (const line of readyBanner({ ...settings, url: engine.url })) output.out(line)
        },
        onBuild: (result, changed) => void deployer.deploy(result, label(changed)),
        onError: (err) => log.error({ err }, 'rebuild failed'),
      }),
      watchGitHead({
        dir: settings.dir,
        signal,
        intervalMs: options.gitPollMs ?? 2000,
        onChange: async (to, from) => {
          const changed = await filesChangedBetween(settings.dir, from, to)
          const result = changed === undefined ? await compiler.compile() : await compiler.update(changed)
          await deployer.deploy(result, `new commit ${to.slice(0, 12)}`)
        },
        onError: (err) => log.error({ err }, 'redeploy after a commit failed'),
      }),
    ])
  } finally {
    await deployer.settled()
    output.out('stopping the engine…')
    await engine.close()
    output.out('stopped')
  }
}
