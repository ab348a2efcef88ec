import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { pino } from 'pino'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { linkHostPackages } from '../apply/index.js'
import { createEngineClient } from '../engine-client/index.js'
import { startTestEngine, type TestEngine } from '../engine-client/fixtures/test-engine.js'
import { PLAN_COMMENT_MARKER } from '../github/index.js'
import { startLocalGitHub, type LocalGitHub } from '../github/testing/local-github-server.js'
import { createProcessRepo, processModule, type ProcessRepo } from '../reconcile/testing/process-repo.js'
import { runApply } from './apply-command.js'
import type { CommandContext } from './command-context.js'
import { runGitHubComment } from './github-command.js'
import { runPlan } from './plan-command.js'

const logger = pino({ level: 'silent' })
let repo: ProcessRepo
let engine: TestEngine
let github: LocalGitHub

function context(env: Record<string, string> = {}): { ctx: CommandContext; out: string[]; err: string[] } {
  const out: string[] = []
  const err: string[] = []
  const ctx: CommandContext = {
    logger,
    output: { out: (s) => void out.push(s), err: (s) => void err.push(s) },
    env: { ABLAUF_ENGINE_URL: engine.url, ABLAUF_TOKEN: engine.token, ...env },
    cwd: repo.work,
    fetch,
    signal: new AbortController().signal,
    setExitCode: () => {},
  }
  return { ctx, out, err }
}

beforeEach(async () => {
  repo = await createProcessRepo()
  linkHostPackages(repo.work)
  engine = await startTestEngine()
  github = await startLocalGitHub({ owner: 'acme', repo: 'processes' })
})
afterEach(async () => {
  await engine.close()
  await github.close()
  repo.dispose()
})

describe('ablauf plan / apply', () => {
  test('plan exits 2 with changes, apply deploys with the git source, then plan exits 0', async () => {
    const sha = await repo.commit({ 'processes/intake.process.ts': processModule('intake', 'Intake') }, 'intake')
    const plan = context()
    expect(await runPlan({}, plan.ctx)).toBe(2)
    expect(plan.out.join('\n')).toContain('Plan: 1 to create, 0 to update, 0 to fade away')
    const apply = context()
    expect(await runApply({}, apply.ctx)).toBe(0)
    expect(apply.out.join('\n')).toMatch(/Deployed [0-9a-f-]{36} from [0-9a-f]{12} \(refs\/heads\/main, Ada <ada@example.org>\):\n  create intake v1$/)
    expect((await engine.deployments())[0]!.source).toEqual({ commit: sha, ref: 'refs/heads/main', author: 'Ada <ada@example.org>' })
    expect(await runPlan({ format: 'json' }, context().ctx)).toBe(0)
  })

  test('markdown plans of an update show the semantic change and before/after diagrams', async () => {
    await repo.commit({ 'processes/intake.process.ts': processModule('intake', 'Intake') }, 'intake')
    expect(await runApply({}, context().ctx)).toBe(0)
    await repo.commit({ 'processes/intake.process.ts': processModule('intake', 'Intake', { review: true }) }, 'review step')
    await engine.createTickets(4)
    const { ctx, out } = context()
    expect(await runPlan({ format: 'markdown' }, ctx)).toBe(2)
    const md = out.join('\n')
    expect(md.split('\n')[0]).toBe('0 to create, 1 to update, 0 to fade away — 4 running tickets stay on old versions')
    expect(md).toContain('| ➕ | activity review (wait) |')
    expect(md.match(/```mermaid/g)).toHaveLength(2)
    const apply = context()
    expect(await runApply({}, apply.ctx)).toBe(0)
    expect(apply.out.at(-1)).toBe('  update intake v1 → v2')
  })

  test('a module that does not compile: exit 1, located diagnostics, nothing deployed', async () => {
    await repo.commit({ 'processes/intake.process.ts': processModule('intake', 'Intake', { broken: true }) }, 'broken')
    const { ctx, err } = context()
    expect(await runApply({}, ctx)).toBe(1)
    expect(err.join('\n')).toMatch(/processes\/intake\.process\.ts:\d+:\d+ - error /)
    expect(err.at(-1)).toMatch(/^error COMPILE_FAILED: /)
    expect(await engine.deployments()).toHaveLength(0)
  })

  test('an unreachable engine: exit 1 with ENGINE_UNAVAILABLE', async () => {
    await repo.commit({ 'processes/intake.process.ts': processModule('intake', 'Intake') }, 'intake')
    await engine.stop()
    const { ctx, err } = context()
    const code = await runPlan({}, ctx, {
      engineClient: (url) => createEngineClient({ baseUrl: url, logger, retry: { attempts: 3, initialDelayMs: 1, maxDelayMs: 2 } }),
    })
    expect(code).toBe(1)
    expect(err.at(-1)).toMatch(/^error ENGINE_UNAVAILABLE: the engine at http:\/\/127\.0\.0\.1:\d+ is unreachable/)
  })
})

describe('GitHub', () => {
  test('apply posts a commit status on the deployed sha', async () => {
    const sha = await repo.commit({ 'processes/intake.process.ts': processModule('intake', 'Intake') }, 'intake')
    const env = { GITHUB_TOKEN: 'gh-token', GITHUB_REPOSITORY: 'acme/processes', GITHUB_API_URL: github.url, GITHUB_SHA: sha, GITHUB_REF: 'refs/heads/main', GITHUB_ACTOR: 'octocat' }
    expect(await runApply({}, context(env).ctx, { githubThrottle: false })).toBe(0)
    expect(github.statuses.map((s) => [s.sha, s.state, s.context])).toEqual([
      [sha, 'pending', 'ablauf/deploy'],
      [sha, 'success', 'ablauf/deploy'],
    ])
    expect(github.statuses[1]!.description).toMatch(/^Ablauf deployed [0-9a-f-]{36}: 1 to create/)
    expect((await engine.deployments())[0]!.source.author).toBe('octocat')
  })

  test('github comment creates one marked comment, then updates it in place', async () => {
    await repo.commit({ 'processes/intake.process.ts': processModule('intake', 'Intake') }, 'intake')
    const env = { GITHUB_TOKEN: 'gh-token', GITHUB_REPOSITORY: 'acme/processes', GITHUB_API_URL: github.url }
    const first = context(env)
    expect(await runGitHubComment({ pr: '12' }, first.ctx, { githubThrottle: false })).toBe(0)
    expect(first.out).toEqual(['plan comment created on acme/processes#12'])
    writeFileSync(path.join(repo.work, 'plan.md'), 'a newer plan\n')
    const second = context(env)
    expect(await runGitHubComment({ pr: '12', bodyFile: 'plan.md' }, second.ctx, { githubThrottle: false })).toBe(0)
    expect(second.out).toEqual(['plan comment updated on acme/processes#12'])
    expect(github.comments).toEqual([{ id: expect.any(Number) as unknown, issue: 12, body: `${PLAN_COMMENT_MARKER}\na newer plan\n` }])
  })
})
