import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { automaticTriage, writeCrashConfig } from './crash-fixture.js'
import { startEngineProcess, type EngineProcess } from './engine-process.js'
import { startWarrantyStub, type WarrantyStub } from './warranty-stub.js'

const ADMIN = 'crash-admin-token-0123456789'
const TICKETS = 200
/** From this ERP call on, calls are held (never answered) while the first engine lives: ~10 % of the jobs are done. */
const HOLD_FROM = 20
/** The engine is killed once this many tickets were answered (and a call is held): creation and jobs are in flight. */
const KILL_AFTER = 100
const CONCURRENCY = 16
const LEASE_MS = 1500

interface Api {
  (method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>
}

const apiOf =
  (engine: EngineProcess): Api =>
  async (method, path, body) => {
    const res = await fetch(`${engine.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    return { status: res.status, body: (await res.json()) as unknown }
  }

const ticketBody = (i: number) => ({ Title: `Laptop #${i} does not boot`, Queue: 'Service Desk', DynamicField: { Serial: `SN-${i}` } })

/**
 * Creates tickets `indexes` with bounded concurrency, calling `onAnswer` after each; returns the
 * answered ones (index → ticket id).
 */
async function createTickets(api: Api, indexes: number[], stopWhen: () => boolean, onAnswer: (answered: number) => void = () => {}): Promise<{ answered: Map<number, string>; unknown: number[] }> {
  const answered = new Map<number, string>()
  const unknown: number[] = []
  const queue = [...indexes]
  const lane = async (): Promise<void> => {
    for (let i = queue.shift(); i !== undefined && !stopWhen(); i = queue.shift()) {
      try {
        const r = await api('POST', '/api/v1/tickets', ticketBody(i))
        if (r.status === 201) answered.set(i, (r.body as { ticket: { id: string } }).ticket.id)
        onAnswer(answered.size)
      } catch {
        // the engine died under this request: the client does not know whether the ticket exists
        unknown.push(i)
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, lane))
  return { answered, unknown }
}

/** Polls `check` until it returns true; on timeout the error names `what` and the last `state()`. */
async function until(what: string, timeoutMs: number, check: () => Promise<boolean>, state: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} ${state()}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('crash recovery (SIGKILL with work in flight)', () => {
  let dir: string
  let stub: WarrantyStub
  let config: string

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ablauf-crash-'))
    stub = await startWarrantyStub()
    config = writeCrashConfig(dir, stub.url)
  })
  afterAll(async () => {
    await stub?.close()
    if (process.env.CRASH_KEEP === undefined) rmSync(dir, { recursive: true, force: true })
    else console.info(`kept ${dir}`)
  })

  it('loses no ticket, duplicates no transition and re-runs the unfinished jobs after a restart', { timeout: 60_000 }, async () => {
    const db = join(dir, 'engine.db')
    const first = await startEngineProcess({ db, config, adminToken: ADMIN, leaseMs: LEASE_MS })
    const deployed = await apiOf(first)('POST', '/api/v1/deployments', { definitions: [automaticTriage()], source: { commit: 'c0ffee', ref: 'refs/heads/main', author: 'crash-test' } })
    expect(deployed.status, JSON.stringify(deployed.body)).toBe(201)

    // The ERP holds every call from the HOLD_FROM-th on while the first engine lives, so those jobs are
    // surely leased and unfinished; the engine is killed once KILL_AFTER tickets were answered and a call
    // is held, with ticket creations still in flight.
    let killed: Promise<void> | undefined
    let answeredBefore = 0
    const held = new Set<string>()
    const maybeKill = (): void => {
      if (answeredBefore >= KILL_AFTER && held.size > 0) killed ??= first.kill()
    }
    stub.hold((total, key) => {
      if (total < HOLD_FROM || killed !== undefined) return false
      held.add(key)
      maybeKill()
      return true
    })
    const { answered: before, unknown: inFlight } = await createTickets(apiOf(first), Array.from({ length: TICKETS }, (_, i) => i), () => killed !== undefined, (n) => {
      answeredBefore = n
      maybeKill()
    })
    await until('an ERP call to be held', 20_000, async () => killed !== undefined, () => `(${stub.total()} ERP calls)`)
    await killed
    stub.hold(() => false)
    const callsAtKill = stub.total()
    if (process.env.CRASH_KEEP !== undefined) writeFileSync(join(dir, 'first.log'), first.output())

    const second = await startEngineProcess({ db, config, adminToken: ADMIN, leaseMs: LEASE_MS })
    try {
      const api = apiOf(second)
      // The client sends again what it got no answer for (a ticket may then exist twice: the client's doing).
      const unanswered = Array.from({ length: TICKETS }, (_, i) => i).filter((i) => !before.has(i))
      const { answered: after } = await createTickets(api, unanswered, () => false)
      expect(before.size + after.size).toBe(TICKETS)
      // Instances through the API; the number of tickets from the file (a ticket whose start the crash
      // interrupted has no instance to list yet), read while the engine runs (WAL readers do not block).
      let counts = { tickets: -1, running: -1, completed: -1 }
      const count = async (state: string): Promise<number> => ((await api('GET', `/api/v1/instances?state=${state}&limit=1000`)).body as { instances: unknown[] }).instances.length
      const reader = new Database(db, { readonly: true })
      try {
        await until(
          'every ticket to complete its process',
          30_000,
          async () => {
            counts = { tickets: reader.prepare('SELECT COUNT(*) FROM tickets').pluck().get() as number, running: await count('running'), completed: await count('completed') }
            return counts.running === 0 && counts.completed >= counts.tickets
          },
          () => JSON.stringify(counts),
        )
      } finally {
        reader.close()
      }
    } finally {
      expect(await second.stop(), second.output()).toBe(0)
    }

    const sql = new Database(db, { readonly: true })
    try {
      const answeredIds = [...before.values()]
      const ticketIds = new Set(sql.prepare('SELECT id FROM tickets').pluck().all() as string[])
      expect(answeredIds.filter((id) => !ticketIds.has(id)), 'tickets answered before the crash are missing').toEqual([])

      const instancesPerTicket = sql
        .prepare('SELECT t.id AS ticket, t.title AS title, COUNT(i.id) AS n FROM tickets t LEFT JOIN instances i ON i.ticket_id = t.id GROUP BY t.id HAVING n <> 1')
        .all()
      expect(instancesPerTicket, 'tickets without exactly one process instance').toEqual([])

      const notCompleted = sql.prepare(`SELECT id, status, activity FROM instances WHERE status <> 'completed' OR activity <> 'done'`).all()
      expect(notCompleted, 'instances that did not reach "done"').toEqual([])

      const twice = sql
        .prepare(
          `SELECT instance_id AS instance, json_extract(entry, '$.transition') AS transition, COUNT(*) AS n FROM history
           WHERE type = 'transition.taken' GROUP BY instance_id, transition HAVING n > 1`,
        )
        .all()
      expect(twice, 'transitions taken twice').toEqual([])

      const perInstance = sql
        .prepare(
          `SELECT i.id AS instance,
             SUM(h.type = 'process.started') AS started, SUM(h.type = 'process.completed') AS completed,
             SUM(h.type = 'transition.taken') AS transitions, SUM(h.type = 'service.succeeded') AS answers
           FROM instances i LEFT JOIN history h ON h.instance_id = i.id GROUP BY i.id`,
        )
        .all() as { instance: string; started: number; completed: number; transitions: number; answers: number }[]
      expect(perInstance.filter((r) => r.started !== 1 || r.completed !== 1 || r.transitions !== 2 || r.answers !== 1), 'instances whose history is not start, 2 transitions, 1 answer, end').toEqual([])
      expect(perInstance.length).toBe(ticketIds.size)

      const closed = sql.prepare(`SELECT COUNT(*) FROM tickets WHERE state = 'closed successful'`).pluck().get()
      expect(closed).toBe(ticketIds.size)

      const jobs = sql.prepare(`SELECT key, status, attempts FROM jobs WHERE kind = 'service'`).all() as { key: string; status: string; attempts: number }[]
      expect(jobs.filter((j) => j.status !== 'done'), 'service jobs not done').toEqual([])
      expect(jobs.length).toBe(ticketIds.size)

      // The calls held when the engine died were made again after the restart, under the same key.
      expect(held.size).toBeGreaterThan(0)
      for (const key of held) {
        expect(stub.calls.get(key), `calls with Idempotency-Key ${key}`).toBeGreaterThanOrEqual(2)
        expect(jobs.find((j) => j.key === key)?.attempts, `attempts of job ${key}`).toBeGreaterThanOrEqual(2)
      }
      // Every instance's call reached the ERP; none was lost.
      expect(new Set(jobs.map((j) => j.key)).size).toBe(jobs.length)
      for (const j of jobs) expect(stub.calls.get(j.key) ?? 0, `calls with Idempotency-Key ${j.key}`).toBeGreaterThanOrEqual(1)

      const repeated = [...stub.calls.values()].filter((n) => n > 1).length
      console.info(
        `crash test: killed at ${callsAtKill} ERP calls with ${before.size}/${TICKETS} tickets answered and ${inFlight.length} in flight; ${ticketIds.size} tickets, ${held.size} held calls, ${repeated} keys called more than once`,
      )
    } finally {
      sql.close()
    }
  })
})
