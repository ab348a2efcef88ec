import { pino } from 'pino'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { applyDefinitions } from '../apply/apply-definitions.js'
import { createEngineClient, type EngineClient } from '../engine-client/index.js'
import { startTestEngine, type TestEngine } from '../engine-client/fixtures/test-engine.js'
import { sampleDefinition } from '../engine-client/fixtures/sample-definitions.js'
import { planAgainstEngine } from './plan-against-engine.js'

const logger = pino({ level: 'silent' })
const source = { commit: 'c1', ref: 'refs/heads/main', author: 'ada' }
let engine: TestEngine
let client: EngineClient

beforeEach(async () => {
  engine = await startTestEngine()
  client = createEngineClient({ baseUrl: engine.url, token: engine.token, logger, sleep: async () => {} })
})
afterEach(() => engine.close())

describe('planAgainstEngine (real engine)', () => {
  test('a plan reads the engine in three requests, however many processes it holds and change', async () => {
    const requests: string[] = []
    const counting = createEngineClient({
      baseUrl: engine.url,
      token: engine.token,
      logger,
      fetch: async (input, init) => {
        const url = new URL(String(input))
        requests.push(`${init?.method ?? 'GET'} ${url.pathname}${url.search}`)
        return fetch(input, init)
      },
    })
    const many = Array.from({ length: 40 }, (_, i) => sampleDefinition(`p-${String(i).padStart(2, '0')}`))
    await applyDefinitions({ engine: client, definitions: many, source, logger })
    await engine.createTickets(2)
    requests.length = 0
    const changed = many.map((d, i) => (i % 4 === 0 ? sampleDefinition(d.id, `Renamed ${i}`) : d))
    const plan = await planAgainstEngine(counting, changed.slice(0, -1))
    expect(requests).toEqual([
      'GET /api/v1/deployments?limit=1',
      'GET /api/v1/processes?include=definition',
      'GET /api/v1/instances/summary?state=running',
    ])
    // Both tickets started p-00 (the lowest id wins among processes that all match).
    expect(plan.summary).toEqual({ create: 0, update: 10, unchanged: 29, fadeAway: 1, runningOnOldVersions: 2 })
    const p00 = plan.steps.find((s) => s.processId === 'p-00')
    expect(p00?.op === 'update' && p00.changes).toEqual([{ subject: 'process', change: 'changed', properties: ['name'] }])
    expect(p00?.op === 'update' && p00.running).toEqual({ total: 2, versions: [{ version: '1', count: 2, activities: [{ activity: 'start', count: 2 }] }] })
    expect(plan.steps.find((s) => s.processId === 'p-39')).toMatchObject({ op: 'fade-away', running: { total: 0 } })
  })

  test('listInstances follows the next cursor across pages', async () => {
    await applyDefinitions({ engine: client, definitions: [sampleDefinition('a')], source, logger })
    await engine.createTickets(3)
    const pages: string[] = []
    const paging = createEngineClient({
      baseUrl: engine.url,
      token: engine.token,
      logger,
      fetch: async (input, init) => {
        // Ask the engine for pages of one, to walk the cursor.
        const url = new URL(String(input))
        if (url.pathname === '/api/v1/instances') url.searchParams.set('limit', '1')
        pages.push(url.searchParams.get('after') ?? '(first)')
        return fetch(url, init)
      },
    })
    const all = await paging.listInstances({ process: 'a', state: 'running' })
    expect(all).toHaveLength(3)
    expect(new Set(all.map((i) => i.id)).size).toBe(3)
    expect(pages).toEqual(['(first)', String(all[0]?.id), String(all[1]?.id)])
  })
})
