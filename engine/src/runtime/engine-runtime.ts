import type { Logger } from 'pino'
import type { EngineConfig } from '../config/config-schema.js'
import { createJobWorker, type JobWorker } from '../jobs/job-worker.js'
import type { Mailer } from '../mail/mail-types.js'
import { createSmtpMailer } from '../mail/smtp-mailer.js'
import type { EngineMetrics } from '../ops/engine-metrics.js'
import type { TraceLevels } from '../ops/trace-levels.js'
import { builtInScripts } from '../scripts/built-in/built-in-scripts.js'
import { loadCustomScripts } from '../scripts/custom-script-loader.js'
import { createScriptRegistry, type ScriptRegistry } from '../scripts/script-registry.js'
import type { Clock, Store } from '../store/store-port.js'
import { createWebServiceInvoker } from '../web-services/web-service-invoker.js'
import { createProcessRuntime, type ExecutorRuntime } from './process-runtime.js'
import { targetEnv } from './target-env.js'

/** Options of {@link createEngineRuntime}: the loaded config and the composition root's ports. */
export interface EngineRuntimeOptions {
  /** The loaded config (`scriptsDir` already absolute, as `loadConfig` returns it). */
  config: EngineConfig
  store: Store
  logger: Logger
  clock: Clock
  metrics?: EngineMetrics
  /** Where web-service and SMTP secrets are read from: `process.env`. */
  secrets: Readonly<Record<string, string | undefined>>
  worker?: { concurrency?: number; leaseMs?: number; pollMs?: number }
  /** Overrides the SMTP mailer made from `config.smtp` (it stays the caller's to close). */
  mailer?: Mailer
  /** The web-service invoker's fetch (default `globalThis.fetch`). */
  fetch?: typeof globalThis.fetch
  /** Per-process / per-ticket log levels (see `createTraceLevels`). */
  trace?: Pick<TraceLevels, 'levelFor'>
}

/** The runtime side of an engine, wired: scripts, executor, job worker (not yet started). */
export interface EngineRuntime {
  scripts: ScriptRegistry
  runtime: ExecutorRuntime
  worker: JobWorker
  /** Stops the worker (graceful) and closes the SMTP transport it made. */
  close(): Promise<void>
}

/**
 * Builds the runtime from the engine config: built-in and custom scripts, the web-service invoker,
 * the SMTP mailer (or capture only, without `smtp`), the executor and the job worker, woken whenever
 * a step enqueues jobs. Throws `CONFIG_INVALID` for a broken custom script or a missing secret.
 *
 * @example
 * ```ts
 * const engine = await createEngineRuntime({ config, store, logger, clock, metrics, secrets: process.env })
 * engine.worker.start()
 * // http: createApp({ runtime: engine.runtime, scripts: engine.scripts.describe(), … })
 * ```
 */
export async function createEngineRuntime(options: EngineRuntimeOptions): Promise<EngineRuntime> {
  const { config, store, logger, clock, metrics, secrets } = options
  const custom = config.scriptsDir === undefined ? [] : await loadCustomScripts(config.scriptsDir)
  const scripts = createScriptRegistry([...builtInScripts(), ...custom])
  const ownMailer: Mailer | undefined =
    options.mailer !== undefined || config.smtp === undefined ? undefined : createSmtpMailer({ smtp: config.smtp, logger, env: secrets })
  const mailer = options.mailer ?? ownMailer
  let worker: JobWorker | undefined
  const runtime = createProcessRuntime({
    store,
    scripts,
    logger,
    clock,
    ...(metrics === undefined ? {} : { metrics }),
    emailTemplates: config.target.emailTemplates,
    ...(options.trace === undefined ? {} : { trace: options.trace }),
    // People for placeholders come from the config's target (the stored snapshot may lag behind it).
    env: targetEnv(config.target),
    onJobsEnqueued: () => worker?.wake(),
  })
  const invoker = createWebServiceInvoker({ services: config.webServices, logger, env: secrets, ...(options.fetch === undefined ? {} : { fetch: options.fetch }) })
  worker = createJobWorker({
    store,
    runtime,
    invoker,
    ...(mailer === undefined ? {} : { mailer }),
    logger,
    clock,
    ...(metrics === undefined ? {} : { metrics }),
    ...options.worker,
  })
  const started = worker
  return {
    scripts,
    runtime,
    worker: started,
    async close() {
      await started.stop()
      await ownMailer?.close()
    },
  }
}
