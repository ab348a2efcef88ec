import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pino } from 'pino'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { CommandContext } from '../commands/command-context.js'
import { startReconciler, type RunningReconciler } from '../commands/reconcile-command.js'
import { startTestEngine, type TestEngine } from '../engine-client/fixtures/test-engine.js'
import { createProcessRepo, processModule, type ProcessRepo } from './testing/process-repo.js'
import { signWebhookBody, verifyWebhookSignature } from './webhook-signature.js'

const SECRET = 'webhook-secret'
const logger = pino({ level: 'silent' })
let repo: ProcessRepo
let engine: TestEngine
let cwd: string
let r: RunningReconciler
let url: string

function push(head: string, ref = 'refs/heads/main'): string {
  return JSON.stringify({ ref, before: '0'.repeat(40), after: head, repository: { full_name: 'acme/processes' } })
}

function deliver(event: string, body: string, signature: string | null = signWebhookBody(SECRET, body)): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-github-event': event, 'x-github-delivery': crypto.randomUUID() }
  if (signature !== null) headers['x-hub-signature-256'] = signature
  return fetch(`${url}/webhook`, { method: 'POST', headers, body })
}

beforeEach(async () => {
  repo = await createProcessRepo()
  engine = await startTestEngine()
  cwd = mkdtempSync(path.join(tmpdir(), 'ablauf-webhook-'))
  const ctx: CommandContext = {
    logger,
    output: { out: () => {}, err: () => {} },
    env: { ABLAUF_ENGINE_URL: engine.url, ABLAUF_TOKEN: engine.token, ABLAUF_WEBHOOK_SECRET: SECRET },
    cwd,
    fetch,
    signal: new AbortController().signal,
    setExitCode: () => {},
  }
  // A long poll interval: in these tests only webhooks trigger reconciles.
  r = await startReconciler({ repo: repo.origin, cache: 'cache', webhookPort: '0', interval: '1h' }, ctx)
  url = r.server!.url
})
afterEach(async () => {
  await r.stop()
  await engine.close()
  repo.dispose()
  rmSync(cwd, { recursive: true, force: true })
})

describe('webhook server', () => {
  test('answers ping, rejects bad signatures without triggering, ignores other branches', async () => {
    const sha = await repo.commit({ 'processes/intake.process.ts': processModule('intake', 'Intake') }, 'intake')
    expect((await deliver('ping', '{"zen":"Keep it logically awesome."}')).status).toBe(200)
    expect((await deliver('push', push(sha), null)).status).toBe(401)
    expect((await deliver('push', push(sha), signWebhookBody('wrong', push(sha)))).status).toBe(401)
    expect((await deliver('push', push(sha), 'sha256=zz')).status).toBe(401)
    const other = await deliver('push', push(sha, 'refs/heads/feature'))
    expect(other.status).toBe(202)
    expect(await other.json()).toEqual({ status: 'ignored', reason: 'ref refs/heads/feature' })
    await r.loop.idle()
    expect(r.loop.runs).toBe(0)
    expect(await engine.deployments()).toHaveLength(0)
  })

  test('a body over the limit is refused with 413', async () => {
    const big = 'x'.repeat(2 * 1024 * 1024)
    const res = await deliver('push', big, signWebhookBody(SECRET, big))
    expect(res.status).toBe(413)
    await r.loop.idle()
    expect(r.loop.runs).toBe(0)
  })

  test('100 signed push deliveries in a burst cause one reconcile per distinct head', async () => {
    const first = await repo.commit({ 'processes/intake.process.ts': processModule('intake', 'Intake') }, 'intake')
    const burst1 = await Promise.all(Array.from({ length: 100 }, () => deliver('push', push(first))))
    expect(burst1.every((res) => res.status === 202)).toBe(true)
    await r.loop.idle()
    const second = await repo.commit({ 'processes/intake.process.ts': processModule('intake', 'Intake', { review: true }) }, 'review')
    await Promise.all(Array.from({ length: 100 }, () => deliver('push', push(second))))
    await r.loop.idle()
    const deployed = r.reconciler.state.history.filter((h) => h.result === 'deployed').map((h) => h.commit)
    expect(deployed).toEqual([first, second])
    expect((await engine.deployments()).map((d) => d.source.commit)).toEqual([second, first])
    expect(r.loop.runs).toBeLessThanOrEqual(4)
  })

  test('serves /healthz and its own /metrics', async () => {
    const sha = await repo.commit({ 'processes/intake.process.ts': processModule('intake', 'Intake') }, 'intake')
    await deliver('push', push(sha))
    await r.loop.idle()
    const health = await fetch(`${url}/healthz`)
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ status: 'ok', lastApplied: sha })
    const metrics = await (await fetch(`${url}/metrics`)).text()
    expect(metrics).toContain('ablauf_reconcile_total{result="deployed"} 1')
    expect(metrics).toContain('ablauf_reconcile_duration_seconds_count 1')
    expect(metrics).toContain('ablauf_commit_to_deployed_seconds_count 1')
    expect(metrics).toMatch(/ablauf_reconcile_last_success_timestamp_seconds \d+/)
    expect(metrics).not.toContain('process_cpu')
  })
})

describe('verifyWebhookSignature', () => {
  test('accepts exactly the HMAC-SHA256 of the raw body', () => {
    const body = Buffer.from('{"a":1}')
    expect(verifyWebhookSignature('s', body, signWebhookBody('s', body))).toBe(true)
    expect(verifyWebhookSignature('s', Buffer.from('{"a":2}'), signWebhookBody('s', body))).toBe(false)
    expect(verifyWebhookSignature('s', body, undefined)).toBe(false)
    expect(verifyWebhookSignature('s', body, signWebhookBody('s', body).toUpperCase())).toBe(false)
  })
})
