import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pino } from 'pino'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { compilerPort, type CompileProcesses } from '../apply/index.js'
import type { CommandContext } from '../commands/command-context.js'
import { startReconciler, type ReconcileOptions, type RunningReconciler } from '../commands/reconcile-command.js'
import { createEngineClient } from '../engine-client/index.js'
import { startTestEngine, type TestEngine } from '../engine-client/fixtures/test-engine.js'
import { sampleDefinition } from '../engine-client/fixtures/sample-definitions.js'
import { startLocalGitHub } from '../github/testing/local-github-server.js'
import { createProcessRepo, processModule, type ProcessRepo } from './testing/process-repo.js'

const logger = pino({ level: 'silent' })
let repo: ProcessRepo
let engine: TestEngine
let cwd: string
let compiles: string[]
let running: RunningReconciler[]

function context(env: Record<string, string> = {}): CommandContext {
  return {
    logger,
    output: { out: () => {}, err: () => {} },
    env: { ABLAUF_ENGINE_URL: engine.url, ABLAUF_TOKEN: engine.token, ...env },
    cwd,
    fetch,
    signal: new AbortController().signal,
    setExitCode: () => {},
  }
}

/** Waits (without a deadline of its own: the test timeout bounds it) until `condition` holds. */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 20))
}

async function start(options: Partial<ReconcileOptions> = {}, env: Record<string, string> = {}): Promise<RunningReconciler> {
  const real = compilerPort({ cwd, logger })
  const compile: CompileProcesses = async (dir) => {
    compiles.push(dir)
    return real(dir)
  }
  const r = await startReconciler({ repo: repo.origin, cache: 'cache', once: true, ...options }, context(env), {
    compile,
    githubThrottle: false,
    engineClient: (url) => createEngineClient({ baseUrl: url, token: engine.token, logger, retry: { attempts: 2, initialDelayMs: 1, maxDelayMs: 1 } }),
  })
  running.push(r)
  return r
}

beforeEach(async () => {
  repo = await createProcessRepo()
  engine = await startTestEngine()
  cwd = mkdtempSync(path.join(tmpdir(), 'ablauf-reconcile-'))
  compiles = []
  running = []
})
afterEach(async () => {
  for (const r of running) await r.stop()
  await engine.close()
  repo.dispose()
  rmSync(cwd, { recursive: true, force: true })
})

describe('reconciler', () => {
  test('deploys a new head once, records it in the state file, and is in sync afterwards', async () => {
    const sha = await repo.commit({ 'processes/intake.process.ts': processModule('intake', 'Intake') }, 'intake')
    const { reconciler } = await start()
    expect(await reconciler.reconcileOnce()).toMatchObject({ commit: sha, result: 'deployed' })
    expect((await engine.deployments())[0]!.source).toEqual({ commit: sha, ref: 'refs/heads/main', author: 'Ada <ada@example.org>' })
    expect(await reconciler.reconcileOnce()).toMatchObject({ commit: sha, result: 'in-sync' })
    expect(compiles).toHaveLength(1)
    const state = JSON.parse(readFileSync(path.join(cwd, 'cache', 'reconcile-state.json'), 'utf8')) as { lastApplied: { commit: string } }
    expect(state.lastApplied.commit).toBe(sha)
    expect(readdirSync(path.join(cwd, 'cache', 'worktrees'))).toEqual([])

    // A restarted reconciler remembers what it applied: nothing to compile.
    const again = await start()
    expect(await again.reconciler.reconcileOnce()).toMatchObject({ commit: sha, result: 'in-sync' })
    expect(compiles).toHaveLength(1)
  })

  test('a commit that does not compile is not deployed, reported once, not retried until a new commit', async () => {
    await repo.commit({ 'processes/intake.process.ts': processModule('intake', 'Intake') }, 'good')
    const { reconciler } = await start()
    await reconciler.reconcileOnce()
    const bad = await repo.commit({ 'processes/intake.process.ts': processModule('intake', 'Intake 2', { broken: true }) }, 'bad')
    const failed = await reconciler.reconcileOnce()
    expect(failed).toMatchObject({ commit: bad, result: 'compile-failed' })
    expect(failed.message).toMatch(/processes\/intake\.process\.ts:\d+:\d+ - error /)
    expect(await reconciler.reconcileOnce()).toMatchObject({ commit: bad, result: 'skipped-failed' })
    expect(compiles).toHaveLength(2)
    expect(await engine.deployments()).toHaveLength(1)
    const fixed = await repo.commit({ 'processes/intake.process.ts': processModule('intake', 'Intake 2') }, 'fixed')
    expect(await reconciler.reconcileOnce()).toMatchObject({ commit: fixed, result: 'deployed' })
    expect(await engine.deployments()).toHaveLength(2)
  })

  test('an unreachable engine is retried on the next run', async () => {
    const sha = await repo.commit({ 'processes/intake.process.ts': processModule('intake', 'Intake') }, 'intake')
    const { reconciler } = await start()
    await engine.stop()
    expect(await reconciler.reconcileOnce()).toMatchObject({ commit: sha, result: 'engine-unavailable' })
    await engine.restart()
    expect(await reconciler.reconcileOnce()).toMatchObject({ commit: sha, result: 'deployed' })
  })

  test('drift is reported; with --self-heal it is re-applied', async () => {
    await repo.commit({ 'processes/intake.process.ts': processModule('intake', 'Intake') }, 'intake')
    const { reconciler } = await start()
    await reconciler.reconcileOnce()
    const expected = await engine.activeHashes()
    await engine.deployDirect([sampleDefinition('intake', 'Edited by hand')], 'hand')
    const drift = await reconciler.reconcileOnce()
    expect(drift).toMatchObject({ result: 'drift', message: 'intake: different-version' })
    expect(await engine.activeHashes()).not.toEqual(expected)

    const healing = await start({ selfHeal: true })
    expect(await healing.reconciler.reconcileOnce()).toMatchObject({ result: 'healed' })
    expect(await engine.activeHashes()).toEqual(expected)
    expect(await healing.reconciler.reconcileOnce()).toMatchObject({ result: 'in-sync' })
  })

  test('the single-flight loop turns a burst of triggers into one reconcile per distinct head', async () => {
    const sha = await repo.commit({ 'processes/intake.process.ts': processModule('intake', 'Intake') }, 'intake')
    const { loop, reconciler } = await start()
    await Promise.all(Array.from({ length: 100 }, (_, i) => loop.trigger(`burst ${i}`)))
    await loop.idle()
    expect(loop.runs).toBeLessThanOrEqual(2)
    expect(reconciler.state.history.filter((r) => r.result === 'deployed').map((r) => r.commit)).toEqual([sha])
    expect(compiles).toHaveLength(1)
  })

  test('polling picks up new commits without a webhook; an engine outage is retried with backoff', async () => {
    const first = await repo.commit({ 'processes/intake.process.ts': processModule('intake', 'Intake') }, 'intake')
    const { loop, reconciler } = await start({ once: false, interval: '50ms' })
    loop.start()
    await until(() => reconciler.state.lastApplied?.commit === first)
    await engine.stop()
    const second = await repo.commit({ 'processes/intake.process.ts': processModule('intake', 'Intake', { review: true }) }, 'review')
    await until(() => reconciler.state.history.filter((h) => h.commit === second && h.result === 'engine-unavailable').length >= 2)
    await engine.restart()
    await until(() => reconciler.state.lastApplied?.commit === second)
    await loop.stop()
    // Retries reuse the compiled commit.
    expect(compiles).toHaveLength(2)
    expect((await engine.deployments()).map((d) => d.source.commit)).toEqual([second, first])
  })

  test('posts commit statuses: success when deployed, failure once for a commit that does not compile', async () => {
    const github = await startLocalGitHub({ owner: 'acme', repo: 'processes' })
    try {
      const env = { GITHUB_TOKEN: 'gh', GITHUB_REPOSITORY: 'acme/processes', GITHUB_API_URL: github.url }
      const good = await repo.commit({ 'processes/intake.process.ts': processModule('intake', 'Intake') }, 'good')
      const { reconciler } = await start({}, env)
      await reconciler.reconcileOnce()
      const bad = await repo.commit({ 'processes/intake.process.ts': processModule('intake', 'Intake', { broken: true }) }, 'bad')
      await reconciler.reconcileOnce()
      await reconciler.reconcileOnce()
      expect(github.statuses.map((st) => [st.sha, st.state])).toEqual([
        [good, 'success'],
        [bad, 'failure'],
      ])
      expect(github.statuses[1]!.description).toContain('does not compile')
    } finally {
      await github.close()
    }
  })
})
