import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { AblaufError } from '@ablauf/sdk/errors'
import type { Command } from 'commander'
import { z } from 'zod'
import { linkHostPackages } from '../apply/index.js'
import {
  createReconcileLoop,
  createReconcileMetrics,
  createReconciler,
  createRepoMirror,
  loadReconcileState,
  parseDuration,
  startWebhookServer,
  type ReconcileLoop,
  type Reconciler,
  type WebhookServer,
} from '../reconcile/index.js'
import type { CommandContext, CommandModule } from './command-context.js'
import { compileWith, engineFrom, reportError, statusReporter, type GitOpsPorts } from './gitops-command-support.js'
import { configError } from './gitops-options.js'

export const reconcileOptionsSchema = z.strictObject({
  repo: z.string().min(1),
  branch: z.string().min(1).default('main'),
  engine: z.string().optional(),
  token: z.string().optional(),
  dir: z.string().min(1).default('processes'),
  interval: z.string().default('30s'),
  once: z.boolean().default(false),
  webhookPort: z.coerce.number().int().min(0).max(65_535).optional(),
  webhookHost: z.string().default('127.0.0.1'),
  webhookSecret: z.string().min(1).optional(),
  selfHeal: z.boolean().default(false),
  cache: z.string().min(1).default('.ablauf/reconcile'),
})
export type ReconcileOptions = z.input<typeof reconcileOptionsSchema>

/** A running reconciler: its loop, its state and (with a webhook port) its server. */
export interface RunningReconciler {
  reconciler: Reconciler
  loop: ReconcileLoop
  server: WebhookServer | undefined
  stop(): Promise<void>
}

/** Wires mirror, compiler, engine, GitHub statuses, metrics, loop and webhook server. */
export async function startReconciler(raw: ReconcileOptions, ctx: CommandContext, ports: GitOpsPorts = {}): Promise<RunningReconciler> {
  const o = configError(reconcileOptionsSchema.safeParse(raw))
  const intervalMs = parseDuration(o.interval)
  const secret = o.webhookSecret ?? ctx.env['ABLAUF_WEBHOOK_SECRET'] ?? ctx.env['GITHUB_WEBHOOK_SECRET']
  if (o.webhookPort !== undefined && !secret) {
    throw new AblaufError('CONFIG_INVALID', 'a webhook port needs a secret: pass --webhook-secret or set ABLAUF_WEBHOOK_SECRET')
  }
  const cacheDir = path.resolve(ctx.cwd, o.cache)
  mkdirSync(cacheDir, { recursive: true })
  const stateFile = path.join(cacheDir, 'reconcile-state.json')
  const logger = ctx.logger.child({ component: 'reconcile', branch: o.branch })
  const metrics = createReconcileMetrics()
  const repo = /^[a-z][a-z0-9+.-]*:\/\//i.test(o.repo) || o.repo.includes('@') ? o.repo : path.resolve(ctx.cwd, o.repo)
  const reconciler = createReconciler({
    mirror: createRepoMirror({ repo, branch: o.branch, cacheDir, logger }),
    branch: o.branch,
    engine: engineFrom(o, ctx, ports),
    compile: compileWith(ctx, ports),
    processesDir: o.dir,
    state: await loadReconcileState(stateFile),
    stateFile,
    metrics,
    logger,
    selfHeal: o.selfHeal,
    status: statusReporter(ctx, ports),
    prepareWorktree: linkHostPackages,
  })
  const loop = createReconcileLoop({ run: () => reconciler.reconcileOnce(), intervalMs, logger })
  let server: WebhookServer | undefined
  if (o.webhookPort !== undefined && secret) {
    server = await startWebhookServer({
      port: o.webhookPort,
      host: o.webhookHost,
      secret,
      branch: o.branch,
      onPush: (head) => void loop.trigger(`push ${head.slice(0, 12)}`),
      registry: metrics.registry,
      health: () => ({ lastApplied: reconciler.state.lastApplied?.commit ?? null, last: reconciler.state.history.at(-1) ?? null }),
      logger,
    })
  }
  return {
    reconciler,
    loop,
    server,
    async stop() {
      await loop.stop()
      await server?.close()
    },
  }
}

/**
 * `ablauf reconcile`: with `--once` one reconcile (exit 0 when the engine runs the head, else 1);
 * otherwise poll (with jitter) and listen for push webhooks until stopped.
 */
export async function runReconcile(raw: ReconcileOptions, ctx: CommandContext, ports: GitOpsPorts = {}): Promise<number> {
  let running: RunningReconciler | undefined
  try {
    running = await startReconciler(raw, ctx, ports)
    if (raw.once === true) {
      const rec = await running.reconciler.reconcileOnce()
      ctx.output.out(`${rec.result} ${rec.commit ?? ''}${rec.message ? `\n${rec.message}` : ''}`.trimEnd())
      return ['deployed', 'unchanged', 'in-sync', 'healed'].includes(rec.result) ? 0 : 1
    }
    if (running.server) ctx.output.out(`webhook and metrics on ${running.server.url}`)
    running.loop.start()
    await new Promise<void>((resolve) => {
      if (ctx.signal.aborted) resolve()
      ctx.signal.addEventListener('abort', () => resolve(), { once: true })
    })
    return 0
  } catch (err) {
    return reportError(err, ctx)
  } finally {
    await running?.stop()
  }
}

/** `ablauf reconcile --repo URL|PATH --branch main --engine URL [--interval 30s] [--once] [--webhook-port N] [--self-heal] [--cache DIR]` */
export function createReconcileCommand(ports: GitOpsPorts = {}): CommandModule {
  return {
    register(program: Command, ctx: CommandContext): void {
      program
        .command('reconcile')
        .description('GitOps loop: deploy each new commit of a branch (runs until stopped)')
        .requiredOption('--repo <url|path>', 'the process repository')
        .option('--branch <name>', 'the branch to follow', 'main')
        .option('--engine <url>', 'the engine (or ABLAUF_ENGINE_URL)')
        .option('--token <token>', 'an API token with deploy scope (or ABLAUF_TOKEN)')
        .option('--dir <dir>', 'the process folder inside the repository', 'processes')
        .option('--interval <duration>', 'poll interval, jittered', '30s')
        .option('--once', 'reconcile once and exit')
        .option('--webhook-port <port>', 'listen for GitHub push webhooks, /healthz and /metrics')
        .option('--webhook-host <host>', 'interface to listen on', '127.0.0.1')
        .option('--webhook-secret <secret>', 'webhook secret (or ABLAUF_WEBHOOK_SECRET)')
        .option('--self-heal', 're-apply when the engine drifted from the last applied commit')
        .option('--cache <dir>', 'where the clone and the state file live', '.ablauf/reconcile')
        .action(async (opts: ReconcileOptions) => ctx.setExitCode(await runReconcile(opts, ctx, ports)))
    },
  }
}

export const reconcileCommand: CommandModule = createReconcileCommand()
