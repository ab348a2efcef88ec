import path from 'node:path'
import type { ProcessDefinition } from '@ablauf/sdk/definition'
import { isAblaufError } from '@ablauf/sdk/errors'
import type { Logger } from 'pino'
import { applyDefinitions, type CompileProcesses } from '../apply/index.js'
import type { EngineClient } from '../engine-client/index.js'
import type { StatusReporter } from '../github/index.js'
import { summaryLine } from '../plan/index.js'
import { findDrift } from './drift.js'
import type { ReconcileMetrics } from './reconcile-metrics.js'
import { saveReconcileState, type ReconcileRecord, type ReconcileResult, type ReconcileState } from './reconcile-state.js'
import type { RepoMirror } from './repo-mirror.js'

export interface ReconcilerOptions {
  mirror: RepoMirror
  /** The branch the mirror follows (recorded as the deployment's ref). */
  branch: string
  engine: EngineClient
  compile: CompileProcesses
  /** The process repository inside the git repository (default `processes`; `.` for the root). */
  processesDir: string
  state: ReconcileState
  stateFile: string
  metrics: ReconcileMetrics
  logger: Logger
  selfHeal: boolean
  status: StatusReporter
  /** Runs in each fresh worktree before compiling (e.g. linking the host sdk). */
  prepareWorktree?: (dir: string) => void | Promise<void>
  now?: () => Date
}

/** One reconcile run against the current head; never throws. */
export interface Reconciler {
  reconcileOnce(): Promise<ReconcileRecord>
  readonly state: ReconcileState
}

/**
 * The reconcile step: fetch the branch head; a new head is checked out in a clean worktree, compiled,
 * planned and applied. A head that does not compile is recorded once and not retried until a new
 * commit; the last good deployment stays. A head already applied is checked for drift (the engine's
 * active versions differ from what that commit deployed): reported, and re-applied with `selfHeal`.
 */
export function createReconciler(options: ReconcilerOptions): Reconciler {
  const log = options.logger.child({ component: 'reconciler' })
  const now = options.now ?? (() => new Date())
  const state = options.state
  let reportedDrift = ''

  const record = async (started: Date, commit: string | null, result: ReconcileResult, extra: Partial<ReconcileRecord> = {}): Promise<ReconcileRecord> => {
    const durationMs = now().getTime() - started.getTime()
    const rec: ReconcileRecord = { commit, result, at: now().toISOString(), durationMs, ...extra }
    state.history.push(rec)
    options.metrics.observeRun(result, durationMs / 1000)
    if (['deployed', 'unchanged', 'in-sync', 'healed'].includes(result)) options.metrics.markSuccess(now())
    await saveReconcileState(options.stateFile, state).catch((err: unknown) => log.warn({ err }, 'could not write the state file'))
    return rec
  }

  type Compiled = { ok: true; definitions: ProcessDefinition[]; hashes: Record<string, string> } | { ok: false; message: string }
  // The last compile, so retries of one commit (engine down, conflicts) do not compile it again.
  let lastCompile: { commit: string; compiled: Compiled } | undefined
  const compileAt = async (commit: string): Promise<Compiled> => {
    if (lastCompile?.commit === commit) return lastCompile.compiled
    const compiled = await compileFresh(commit)
    lastCompile = { commit, compiled }
    return compiled
  }

  const compileFresh = async (commit: string): Promise<Compiled> => {
    const checkout = await options.mirror.checkout(commit)
    try {
      await options.prepareWorktree?.(checkout.dir)
      const result = await options.compile(path.join(checkout.dir, options.processesDir))
      if (result.errorCount > 0) {
        const first = result.diagnostics.filter((d) => d.severity === 'error').slice(0, 5)
        return { ok: false, message: first.map((d) => `${d.file}:${d.line}:${d.col} - error ${d.code}: ${d.message}`).join('\n') }
      }
      return {
        ok: true,
        definitions: result.processes.map((p) => p.definition),
        hashes: Object.fromEntries(result.processes.map((p) => [p.id, p.hash])),
      }
    } finally {
      await checkout.dispose()
    }
  }

  const deploy = async (started: Date, commit: string, healing: boolean): Promise<ReconcileRecord> => {
    const compiled = await compileAt(commit)
    if (!compiled.ok) {
      state.lastFailed = { commit, code: 'COMPILE_FAILED', message: compiled.message, at: now().toISOString() }
      log.error({ commit, diagnostics: compiled.message }, 'commit does not compile, not deployed')
      await options.status.report(commit, 'failure', 'Ablauf: does not compile, not deployed; the last good deployment stays')
      return record(started, commit, 'compile-failed', { message: compiled.message })
    }
    const info = await options.mirror.commitInfo(commit)
    const source = { commit, ref: `refs/heads/${options.branch}`, author: info.author }
    const outcome = await applyDefinitions({ engine: options.engine, definitions: compiled.definitions, source, logger: log })
    state.lastApplied = {
      commit,
      deploymentId: outcome.status === 'deployed' ? outcome.deployment.id : (state.lastApplied?.deploymentId ?? null),
      hashes: compiled.hashes,
      at: now().toISOString(),
    }
    state.lastFailed = null
    reportedDrift = ''
    const summary = summaryLine(outcome.plan.summary)
    if (outcome.status === 'deployed') {
      options.metrics.observeCommitToDeployed((now().getTime() - info.committedAt.getTime()) / 1000)
      log.info({ commit, deploymentId: outcome.deployment.id, healing }, healing ? 'drift healed' : 'commit deployed')
      await options.status.report(commit, 'success', `Ablauf deployed ${outcome.deployment.id}: ${summary}`)
      return record(started, commit, healing ? 'healed' : 'deployed', { deploymentId: outcome.deployment.id, message: summary })
    }
    await options.status.report(commit, 'success', 'Ablauf: the engine already runs this commit')
    return record(started, commit, 'unchanged', { message: summary })
  }

  const checkDrift = async (started: Date, commit: string): Promise<ReconcileRecord> => {
    const applied = state.lastApplied!
    const drift = findDrift(applied.hashes, await options.engine.listProcesses())
    if (drift.length === 0) return record(started, commit, 'in-sync')
    const signature = JSON.stringify(drift)
    if (signature !== reportedDrift) {
      log.warn({ commit, drift }, 'drift: the engine runs something else than the last applied commit')
      reportedDrift = signature
    }
    if (!options.selfHeal) return record(started, commit, 'drift', { message: drift.map((d) => `${d.processId}: ${d.problem}`).join('; ') })
    return deploy(started, commit, true)
  }

  return {
    state,
    async reconcileOnce() {
      const started = now()
      let commit: string | null = null
      try {
        commit = await options.mirror.fetchHead()
        if (state.lastFailed?.commit === commit) return await record(started, commit, 'skipped-failed')
        if (state.lastApplied?.commit === commit) return await checkDrift(started, commit)
        return await deploy(started, commit, false)
      } catch (err) {
        if (isAblaufError(err, 'ENGINE_UNAVAILABLE')) {
          log.warn({ commit, err: err.message }, 'engine unavailable, will retry')
          return record(started, commit, 'engine-unavailable', { message: err.message })
        }
        log.error({ err, commit }, 'reconcile failed')
        return record(started, commit, 'error', { message: err instanceof Error ? err.message : String(err) })
      }
    },
  }
}
