import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { generateTargetTypes, targetSnapshotSchema, type TargetSnapshot } from '@ablauf/sdk/target'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildCli, runAblauf } from '../commands/cli-test-support.js'
import { DEFAULT_TARGET } from '../init/default-target.js'
import { snapshotText } from './target-files.js'

const TOKEN = 'test-token'
let live: unknown = targetSnapshotSchema.parse(DEFAULT_TARGET)
let server: Server
let url: string
let tmp: string

beforeAll(async () => {
  buildCli()
  server = createServer((req, res) => {
    if (req.url !== '/api/v1/schema') return void res.writeHead(404).end()
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.writeHead(401, { 'content-type': 'application/json' })
      return void res.end(JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'a bearer token is required' }, requestId: 'r1' }))
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(live))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ablauf-schema-'))
  live = targetSnapshotSchema.parse(DEFAULT_TARGET)
})
afterEach(() => rmSync(tmp, { recursive: true, force: true }))

const ablauf = (args: string[], env: Record<string, string> = {}) => runAblauf(args, { cwd: tmp, env })

describe('ablauf schema', () => {
  it('pulls the snapshot and its generated types', async () => {
    const r = await ablauf(['schema', 'pull', '--engine', url, '--token', TOKEN])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const snapshot = targetSnapshotSchema.parse(live)
    expect(readFileSync(path.join(tmp, 'processes/ablauf.target.json'), 'utf8')).toBe(snapshotText(snapshot))
    expect(readFileSync(path.join(tmp, 'processes/ablauf-target.d.ts'), 'utf8')).toBe(generateTargetTypes(snapshot))
  })

  it('takes the engine and token from the environment, and verify passes when nothing drifted', async () => {
    const env = { ABLAUF_ENGINE_URL: url, ABLAUF_TOKEN: TOKEN }
    expect((await ablauf(['schema', 'pull'], env)).code).toBe(0)
    const r = await ablauf(['schema', 'verify'], env)
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(`target snapshot is up to date with ${url}\n`)
  })

  it('verify exits 1 with a readable diff when the live target drifted', async () => {
    const env = { ABLAUF_ENGINE_URL: url, ABLAUF_TOKEN: TOKEN }
    expect((await ablauf(['schema', 'pull'], env)).code).toBe(0)
    const drifted = targetSnapshotSchema.parse(DEFAULT_TARGET) as TargetSnapshot
    drifted.queues = drifted.queues.map((q) => (q.name === 'Hardware' ? { name: 'Hardware EU' } : q))
    drifted.dynamicFields = drifted.dynamicFields.map((f) => (f.name === 'Category' ? { ...f, values: ['hardware', 'software'] } : f))
    drifted.states = drifted.states.map((s) => (s.name === 'open' ? { ...s, type: 'new' as const } : s))
    live = drifted
    const r = await ablauf(['schema', 'verify'], env)
    expect(r.code).toBe(1)
    expect(r.stdout.split('\n').slice(1)).toEqual([
      '- queue "Hardware"',
      '+ queue "Hardware EU"',
      '~ state open: type "open" → "new"',
      '~ dynamic field Category: value "network" removed',
      '',
    ])
  })

  it('says what to do without a token', async () => {
    const r = await ablauf(['schema', 'pull', '--engine', url])
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('error UNAUTHENTICATED: GET /api/v1/schema failed (UNAUTHENTICATED: a bearer token is required); pass --token or set ABLAUF_TOKEN\n')
  })

  it('rejects a response that is not a target snapshot', async () => {
    live = { apiVersion: 'ablauf/target-v1', queues: 'all of them' }
    const r = await ablauf(['schema', 'pull', '--engine', url, '--token', TOKEN])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^error TARGET_INVALID: the engine's schema is not a valid target snapshot: queues: /)
  })

  it('needs an engine', async () => {
    const r = await ablauf(['schema', 'verify'])
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('error CONFIG_INVALID: no engine given: pass --engine URL or set ABLAUF_ENGINE_URL\n')
  })
})
