// Ablauf's side of the engine benchmark, over the built dist: an engine on a temp SQLite file (WAL)
// with the seed flow deployed, driven in-process (store + runtime) or through the HTTP API.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request, Agent } from 'node:http'
import { pino } from 'pino'
import { engineConfigSchema, startEngine } from '../engine/dist/index.js'
import { SEED, SUBMISSION, benchConfig, ticketInput } from './engine-fixture.mjs'

export const ADMIN = 'bench-admin-token-0123456789'
const AGENT = { kind: 'agent', login: 'anna.agent' }

/** Starts an engine on a fresh temp database and deploys the seed flow. */
export async function startBenchEngine(erpUrl) {
  const dir = mkdtempSync(join(tmpdir(), 'ablauf-bench-'))
  const engine = await startEngine({
    config: engineConfigSchema.parse(benchConfig(erpUrl)), db: join(dir, 'engine.db'), port: 0, adminToken: ADMIN,
    logger: pino({ level: 'silent' }), env: {}, pollMs: 50,
  })
  const res = await fetch(`${engine.url}/api/v1/deployments`, {
    method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ definitions: [SEED], source: { commit: 'bench', ref: 'refs/heads/main', author: 'bench' } }),
  })
  if (res.status !== 201) throw new Error(`deployment failed: ${res.status} ${await res.text()}`)
  return { engine, close: async () => { await engine.close(); rmSync(dir, { recursive: true, force: true }) } }
}

/**
 * Runs instances with at most `concurrency` in flight, for `durationMs` or `max` instances. `create(i)`
 * creates ticket i and starts its process; one shared poller finds the open user tasks (`openTasks()`
 * → [{ id, ticketId }]) and hands them to the waiting instance, which submits it (`submit(taskId)`).
 */
export async function drive({ durationMs, max, concurrency, create, openTasks, submit }) {
  const waiting = new Map()
  let running = true
  const poller = (async () => {
    while (running) {
      const tasks = waiting.size === 0 ? [] : await openTasks()
      let found = 0
      for (const t of tasks) {
        const resolve = waiting.get(t.ticketId)
        if (resolve === undefined) continue
        waiting.delete(t.ticketId)
        resolve(t.id)
        found += 1
      }
      await new Promise((r) => (found === 0 ? setTimeout(r, 1) : setImmediate(r)))
    }
  })()
  const latencies = []
  const cpu0 = process.cpuUsage()
  const started = performance.now()
  let next = 0
  const lane = async () => {
    for (;;) {
      const i = next++
      if (i >= max || performance.now() - started > durationMs) return
      const t0 = performance.now()
      const ticketId = await create(i)
      const taskId = await new Promise((resolve) => waiting.set(ticketId, resolve))
      await submit(taskId)
      latencies.push(performance.now() - t0)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane))
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpu0)
  running = false
  await poller
  return { latencies, seconds, cpuMs: (cpu.user + cpu.system) / 1000 }
}

/** (a) In-process: tickets (and their process start) through the ticket service, dialogs through the runtime. */
export async function runInProcess({ erpUrl, durationMs, max, concurrency }) {
  const { engine, close } = await startBenchEngine(erpUrl)
  try {
    return await drive({
      durationMs, max, concurrency,
      async create(i) {
        return (await engine.tickets.create(ticketInput(i), AGENT)).ticket.id
      },
      openTasks: () => engine.store.transaction((tx) => tx.userTasks.listOpen({ limit: 1000 }), { readOnly: true }),
      submit: (taskId) => engine.runtime.submitDialog(taskId, SUBMISSION, AGENT),
    })
  } finally {
    await close()
  }
}

/** (b) Through the HTTP API of an engine at `url`, keep-alive, at most `concurrency` requests in flight. */
export async function runHttp({ url, durationMs, max, concurrency }) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
  const call = (method, path, body) =>
    new Promise((resolve, reject) => {
      const text = body === undefined ? undefined : JSON.stringify(body)
      const headers = { authorization: `Bearer ${ADMIN}`, ...(text === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }) }
      const req = request(`${url}${path}`, { method, agent, headers }, (res) => {
        let out = ''
        res.setEncoding('utf8')
        res.on('data', (c) => (out += c))
        res.on('end', () => (res.statusCode < 300 ? resolve(JSON.parse(out)) : reject(new Error(`${method} ${path}: ${res.statusCode} ${out.slice(0, 300)}`))))
      })
      req.on('error', reject)
      req.end(text)
    })
  try {
    return await drive({
      durationMs, max, concurrency: concurrency - 1, // one socket for the task poller
      create: async (i) => (await call('POST', '/api/v1/tickets', ticketInput(i))).ticket.id,
      openTasks: async () => (await call('GET', '/api/v1/tasks?limit=1000')).tasks,
      submit: (taskId) => call('POST', `/api/v1/tasks/${taskId}/submit`, SUBMISSION),
    })
  } finally {
    agent.destroy()
  }
}
