import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { contentHash, type ProcessDefinition } from '@ablauf/sdk/definition'
import { targetSnapshotSchema } from '@ablauf/sdk/target'
import type { WebServiceConfig } from '../../config/config-schema.js'
import { createJobWorker, type JobWorker } from '../../jobs/job-worker.js'
import { createSmtpMailer } from '../../mail/smtp-mailer.js'
import { startSmtpSink, type SmtpSink } from '../../mail/test-support/smtp-sink.js'
import { builtInScripts } from '../../scripts/built-in/built-in-scripts.js'
import { createScriptRegistry } from '../../scripts/script-registry.js'
import { openSqliteStore, type SqliteStore } from '../../store/sqlite/sqlite-store.js'
import type { NewTicket, Ticket } from '../../store/store-port.js'
import { captureLogger } from '../../web-services/test-support/capture-logger.js'
import { startHttpStub, type HttpStub } from '../../web-services/test-support/http-stub.js'
import { createWebServiceInvoker } from '../../web-services/web-service-invoker.js'
import { createProcessRuntime, type ExecutorRuntime } from '../process-runtime.js'

/** A clock the test moves by hand. */
export class TestClock {
  #t: number
  constructor(iso = '2024-05-03T10:00:00.000Z') {
    this.#t = Date.parse(iso)
  }
  now(): Date {
    return new Date(this.#t)
  }
  advance(ms: number): void {
    this.#t += ms
  }
}

/** A real engine runtime on a SQLite file, a local web-service stub and a local SMTP server. */
export interface RuntimeHarness {
  store: SqliteStore
  clock: TestClock
  runtime: ExecutorRuntime
  worker: JobWorker
  stub: HttpStub
  smtp: SmtpSink
  logLines(): string[]
  deploy(definition: ProcessDefinition): Promise<string>
  createTicket(input: Partial<NewTicket>): Promise<Ticket>
  /** Creates a ticket and tells the runtime, as the HTTP API does. */
  openTicket(input: Partial<NewTicket>): Promise<Ticket>
  /** Another worker on the same store; `pollMs` is its longest sleep between polls (default 20). */
  newWorker(owner: string, pollMs?: number): JobWorker
  close(): Promise<void>
}

const TARGET = targetSnapshotSchema.parse({
  apiVersion: 'ablauf/target-v1',
  queues: [{ name: 'Service Desk' }, { name: 'Hardware' }],
  states: [{ name: 'new', type: 'new' }, { name: 'closed successful', type: 'closed' }],
  priorities: [{ name: '3 normal' }],
  types: [],
  users: [{ login: 'agent1', email: 'agent1@example.com', firstName: 'Ann', lastName: 'Agent' }],
  customerUsers: [{ login: 'jane', customerId: 'ACME', email: 'jane@example.com', firstName: 'Jane', lastName: 'Doe' }],
  roles: [],
  dynamicFields: [
    { name: 'Category', type: 'Dropdown', values: ['hardware', 'software', 'network', 'other'] },
    { name: 'Serial', type: 'Text' },
    { name: 'Warranty', type: 'Dropdown', values: ['valid', 'expired', 'unknown'] },
    { name: 'Notes', type: 'TextArea' },
  ],
})

export async function startRuntimeHarness(): Promise<RuntimeHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'ablauf-runtime-'))
  const clock = new TestClock()
  const store = openSqliteStore({ path: join(dir, 'engine.db'), now: () => clock.now() })
  const { logger, lines } = captureLogger()
  const stub = await startHttpStub()
  const smtp = await startSmtpSink()
  const services: Record<string, WebServiceConfig> = {
    ERP: {
      baseUrl: `${stub.url}/erp`,
      testBaseUrl: `${stub.url}/erp-test`,
      auth: { type: 'bearer', tokenEnv: 'ERP_TOKEN' },
      headers: {},
      invokers: { WarrantyLookup: { method: 'POST', path: '/warranty', input: {}, output: {} } },
    },
  }
  const env = { ERP_TOKEN: 'erp-secret' }
  await store.transaction((tx) => tx.target.put(TARGET, clock.now().toISOString()))
  let ids = 0
  const runtime = createProcessRuntime({
    store,
    scripts: createScriptRegistry(builtInScripts()),
    logger,
    clock,
    ids: () => `id-${++ids}`,
  })
  const invoker = createWebServiceInvoker({ services, logger, env })
  const mailer = createSmtpMailer({ smtp: { host: '127.0.0.1', port: smtp.port, secure: false, from: 'ablauf@example.com' }, logger, env })
  const newWorker = (owner: string, pollMs = 20): JobWorker => createJobWorker({ store, runtime, invoker, mailer, logger, clock, owner, random: () => 0, pollMs })
  const createTicket = (input: Partial<NewTicket>): Promise<Ticket> =>
    store.transaction((tx) =>
      tx.tickets.create({ Title: 'Laptop broken', Queue: 'Service Desk', State: 'new', Priority: '3 normal', CustomerUser: 'jane', CustomerID: 'ACME', now: clock.now().toISOString(), ...input }),
    )
  return {
    store,
    clock,
    runtime,
    worker: newWorker('worker-a'),
    stub,
    smtp,
    logLines: lines,
    async deploy(definition) {
      const at = clock.now().toISOString()
      const hash = contentHash(definition)
      await store.transaction(async (tx) => {
        const deploymentId = `dep-${hash.slice(0, 8)}`
        await tx.processes.addDeployment({ id: deploymentId, basedOn: null, source: { commit: 'c0ffee', ref: 'main', author: 'test' }, plan: [], actor: 'test', createdAt: at })
        const existing = await tx.processes.get(definition.id)
        await tx.processes.put({ id: definition.id, name: definition.name, state: 'active', activeVersion: existing?.activeVersion ?? null, activeHash: existing?.activeHash ?? null, createdAt: at, updatedAt: at })
        const v = await tx.processes.addVersion({ processId: definition.id, hash, definition, sourceCommit: 'c0ffee', deploymentId, createdAt: at })
        await tx.processes.put({ id: definition.id, name: definition.name, state: definition.state, activeVersion: v.version, activeHash: hash, createdAt: at, updatedAt: at })
      })
      return hash
    },
    createTicket,
    async openTicket(input) {
      const ticket = await createTicket(input)
      await runtime.ticketCreated(ticket.id, { kind: 'system' })
      return ticket
    },
    newWorker,
    async close() {
      await stub.close()
      await smtp.close()
      await store.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
