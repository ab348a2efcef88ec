import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { isAblaufError } from '@ablauf/sdk/errors'
import { pino } from 'pino'
import { simpleGit } from 'simple-git'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createEngineClient, type EngineClient } from '../engine-client/index.js'
import { startTestEngine, type TestEngine } from '../engine-client/fixtures/test-engine.js'
import { sampleDefinition } from '../engine-client/fixtures/sample-definitions.js'
import { planAgainstEngine } from '../plan/index.js'
import { applyDefinitions } from './apply-definitions.js'
import { resolveDeploymentSource } from './deployment-source.js'

const logger = pino({ level: 'silent' })
const source = { commit: 'c1', ref: 'refs/heads/main', author: 'ada' }
let engine: TestEngine
let client: EngineClient

beforeEach(async () => {
  engine = await startTestEngine()
  client = createEngineClient({ baseUrl: engine.url, token: engine.token, logger, sleep: async () => {} })
})
afterEach(() => engine.close())

describe('applyDefinitions (real engine)', () => {
  test('deploys once, then finds nothing to do', async () => {
    const definitions = [sampleDefinition('a'), sampleDefinition('b')]
    const first = await applyDefinitions({ engine: client, definitions, source, logger })
    expect(first.status).toBe('deployed')
    expect(first.plan.summary).toMatchObject({ create: 2, update: 0 })
    const second = await applyDefinitions({ engine: client, definitions, source, logger })
    expect(second.status).toBe('unchanged')
    const deployments = await engine.deployments()
    expect(deployments).toHaveLength(1)
    expect(deployments[0]!.source).toEqual(source)
  })

  test('re-plans once when someone deployed in between (VERSION_CONFLICT) and then deploys', async () => {
    await applyDefinitions({ engine: client, definitions: [sampleDefinition('a')], source, logger })
    const desired = [sampleDefinition('a', 'A renamed')]
    const stale = await planAgainstEngine(client, desired)
    await engine.deployDirect([sampleDefinition('a', 'A by hand')], 'hand')
    const byHand = (await engine.deployments())[0]!.id
    const outcome = await applyDefinitions({ engine: client, definitions: desired, source, logger, plan: stale })
    expect(outcome.status).toBe('deployed')
    expect(outcome.attempts).toBe(2)
    expect(outcome.plan.basedOn).toBe(byHand)
    expect((await engine.deployments())[0]!.basedOn).toBe(byHand)
  })

  test('reports a second conflict instead of retrying forever', async () => {
    let n = 0
    const racing = createEngineClient({
      baseUrl: engine.url,
      token: engine.token,
      logger,
      fetch: async (input, init) => {
        // Someone else deploys right before each of our deployments.
        if (init?.method === 'POST') await engine.deployDirect([sampleDefinition('x', `X ${++n}`)], 'race')
        return fetch(input, init)
      },
    })
    const err = await applyDefinitions({ engine: racing, definitions: [sampleDefinition('a')], source, logger }).catch((e: unknown) => e)
    expect(isAblaufError(err, 'VERSION_CONFLICT')).toBe(true)
    expect(n).toBe(2)
  })

  test('a plan shows the running tickets that stay on the old version, by version number and activity', async () => {
    await applyDefinitions({ engine: client, definitions: [sampleDefinition('a')], source, logger })
    await engine.createTickets(3)
    await applyDefinitions({ engine: client, definitions: [sampleDefinition('a'), sampleDefinition('gone')], source, logger })
    const plan = await planAgainstEngine(client, [sampleDefinition('a', 'A', 'review')])
    expect(plan.summary).toEqual({ create: 0, update: 1, unchanged: 0, fadeAway: 1, runningOnOldVersions: 3 })
    const update = plan.steps.find((s) => s.op === 'update')
    expect(update?.op === 'update' && update.changes).toEqual([
      { subject: 'process', change: 'changed', properties: ['name'] },
      { subject: 'activity', change: 'added', activity: 'review', kind: 'wait', properties: [] },
    ])
    expect(update?.op === 'update' && update.running).toEqual({ total: 3, versions: [{ version: '1', count: 3, activities: [{ activity: 'start', count: 3 }] }] })
  })
})

describe('engine client', () => {
  test('an engine that answers 503 is retried with bounded backoff, then ENGINE_UNAVAILABLE', async () => {
    let requests = 0
    const starting = createServer((_req, res) => {
      requests++
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":{"code":"INTERNAL","message":"starting"}}')
    })
    await new Promise<void>((resolve) => starting.listen(0, '127.0.0.1', resolve))
    const delays: number[] = []
    const c = createEngineClient({
      baseUrl: `http://127.0.0.1:${(starting.address() as AddressInfo).port}`,
      logger,
      retry: { attempts: 6, initialDelayMs: 100, maxDelayMs: 1000 },
      sleep: async (ms) => void delays.push(ms),
    })
    const err = await c.listProcesses().catch((e: unknown) => e)
    await new Promise<void>((resolve) => starting.close(() => resolve()))
    expect(isAblaufError(err, 'ENGINE_UNAVAILABLE')).toBe(true)
    expect(delays).toEqual([100, 200, 400, 800, 1000])
    expect(requests).toBe(6)
  })

  test('a stopped engine is ENGINE_UNAVAILABLE; once it is back, the same client works', async () => {
    await engine.stop()
    const c = createEngineClient({ baseUrl: engine.url, token: engine.token, logger, retry: { attempts: 2, initialDelayMs: 1, maxDelayMs: 1 } })
    const err = await c.listProcesses().catch((e: unknown) => e)
    expect(isAblaufError(err, 'ENGINE_UNAVAILABLE')).toBe(true)
    expect((err as Error).message).toContain(engine.url)
    await engine.restart()
    expect(await c.listProcesses()).toEqual([])
  })

  test('error envelopes keep the engine code', async () => {
    expect(isAblaufError(await client.getVersion('nope', 1).catch((e: unknown) => e), 'NOT_FOUND')).toBe(true)
    const anonymous = createEngineClient({ baseUrl: engine.url, logger })
    expect(isAblaufError(await anonymous.listProcesses().catch((e: unknown) => e), 'UNAUTHENTICATED')).toBe(true)
  })
})

describe('resolveDeploymentSource', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ablauf-source-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  test('reads commit, branch and author from git; GitHub env and flags win', async () => {
    const git = simpleGit({ baseDir: dir })
    await git.init(['-b', 'main'])
    await git.addConfig('user.name', 'Ada').addConfig('user.email', 'ada@example.org')
    writeFileSync(path.join(dir, 'a.txt'), 'a')
    await git.add('.').commit('first')
    const head = (await git.revparse(['HEAD'])).trim()
    expect(await resolveDeploymentSource({ dir })).toEqual({ commit: head, ref: 'refs/heads/main', author: 'Ada <ada@example.org>' })
    const env = { GITHUB_SHA: 'abc', GITHUB_REF: 'refs/heads/release', GITHUB_ACTOR: 'octocat' }
    expect(await resolveDeploymentSource({ dir, env })).toEqual({ commit: 'abc', ref: 'refs/heads/release', author: 'octocat' })
    expect(await resolveDeploymentSource({ dir, env, flags: { author: 'ci-bot' } })).toMatchObject({ author: 'ci-bot', commit: 'abc' })
  })
})
