import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { contentHash, processDefinitionSchema } from '@ablauf/sdk/definition'
import { parseConfig } from '../config/load-config.js'
import { createSmtpMailer } from '../mail/smtp-mailer.js'
import { startSmtpSink, type SmtpSink } from '../mail/test-support/smtp-sink.js'
import { openSqliteStore, type SqliteStore } from '../store/sqlite/sqlite-store.js'
import { systemClock } from '../store/store-port.js'
import { captureLogger } from '../web-services/test-support/capture-logger.js'
import { startHttpStub } from '../web-services/test-support/http-stub.js'
import { createEngineRuntime, type EngineRuntime } from './engine-runtime.js'

let dir: string
let store: SqliteStore
let smtp: SmtpSink
let engine: EngineRuntime | undefined
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ablauf-engine-runtime-'))
  store = openSqliteStore({ path: join(dir, 'engine.db') })
  smtp = await startSmtpSink()
})
afterEach(async () => {
  await engine?.close()
  engine = undefined
  await smtp.close()
  await store.close()
  await rm(dir, { recursive: true, force: true })
})

describe('createEngineRuntime', () => {
  it('wires config, custom scripts, e-mail templates and the woken worker', async () => {
    await writeFile(
      join(dir, 'shout.mjs'),
      `export default ({ z }) => ({ name: 'shout', description: 'Upper-cases the title', params: z.object({}),
        run: (_p, { ticket }) => ({ Title: ticket.Title.toUpperCase() }) })`,
    )
    const config = parseConfig(`
target:
  queues: [Service Desk]
  states: [{ name: new, type: new }]
  priorities: [3 normal]
  types: []
  users: []
  customerUsers: [{ login: jane, customerId: ACME, email: jane@example.com, firstName: Jane }]
  roles: []
  dynamicFields: []
  emailTemplates: [{ name: ack, subject: "Received: {{ticket.Title}}", body: "Hello {{customer.FirstName}}" }]
smtp: { host: 127.0.0.1, port: ${smtp.port}, from: ablauf@example.com }
`)
    engine = await createEngineRuntime({ config: { ...config, scriptsDir: dir }, store, logger: captureLogger().logger, clock: systemClock, secrets: {} })
    expect(engine.scripts.names()).toEqual(['classify-by-keywords', 'copy-field', 'compute-due-date', 'render-template', 'shout'])

    const definition = processDefinitionSchema.parse({
      apiVersion: 'ablauf/v1',
      id: 'ack',
      name: 'Acknowledge',
      start: { on: 'ticket.created', activity: 'shout' },
      activities: [{ id: 'shout', name: 'Shout', kind: 'script', script: 'shout' }, { id: 'end', name: 'End', kind: 'end' }],
      transitions: [{ id: 'ack', from: 'shout', to: 'end', actions: [{ type: 'sendEmail', to: ['{{customer.Email}}'], template: 'ack' }] }],
    })
    const at = new Date().toISOString()
    const hash = contentHash(definition)
    const ticket = await store.transaction(async (tx) => {
      await tx.processes.addDeployment({ id: 'd1', basedOn: null, source: { commit: 'c', ref: 'main', author: 't' }, plan: [], actor: 't', createdAt: at })
      await tx.processes.put({ id: 'ack', name: 'Acknowledge', state: 'active', activeVersion: null, activeHash: null, createdAt: at, updatedAt: at })
      const v = await tx.processes.addVersion({ processId: 'ack', hash, definition, sourceCommit: 'c', deploymentId: 'd1', createdAt: at })
      await tx.processes.put({ id: 'ack', name: 'Acknowledge', state: 'active', activeVersion: v.version, activeHash: hash, createdAt: at, updatedAt: at })
      return tx.tickets.create({ Title: 'printer on fire', Queue: 'Service Desk', State: 'new', Priority: '3 normal', CustomerUser: 'jane', now: at })
    })

    engine.worker.start()
    await engine.runtime.ticketCreated(ticket.id, { kind: 'system' })
    await vi.waitFor(() => expect(smtp.received).toHaveLength(1), { timeout: 10_000, interval: 20 })
    expect(smtp.received[0]?.raw).toContain('Subject: Received: PRINTER ON FIRE')
    expect(smtp.received[0]?.raw).toContain('Hello Jane')
  })

  it('uses the given mailer and fetch instead of the config\'s SMTP server and the global fetch', async () => {
    const stub = await startHttpStub()
    stub.reply(() => ({ status: 200, body: { status: 'valid' } }))
    const config = parseConfig(`
target:
  queues: [Service Desk]
  states: [{ name: new, type: new }]
  priorities: [3 normal]
  types: []
  users: []
  customerUsers: [{ login: jane, customerId: ACME, email: jane@example.com }]
  roles: []
  dynamicFields: [{ name: Warranty, type: Text }]
webServices:
  ERP:
    baseUrl: ${stub.url}
    invokers: { WarrantyLookup: { method: POST, path: /warranty, output: { status: { type: string } } } }
smtp: { host: 127.0.0.1, port: 1, from: nobody@example.com }
`)
    const fetched: string[] = []
    const fetchThrough: typeof globalThis.fetch = (input, init) => {
      fetched.push(String(input))
      return globalThis.fetch(input, init)
    }
    const mailer = createSmtpMailer({ smtp: { host: '127.0.0.1', port: smtp.port, secure: false, from: 'override@example.com' }, logger: captureLogger().logger, env: {} })
    engine = await createEngineRuntime({ config, store, logger: captureLogger().logger, clock: systemClock, secrets: {}, mailer, fetch: fetchThrough })
    const definition = processDefinitionSchema.parse({
      apiVersion: 'ablauf/v1',
      id: 'lookup',
      name: 'Lookup',
      start: { on: 'ticket.created', activity: 'call' },
      activities: [
        { id: 'call', name: 'Call', kind: 'service', webService: 'ERP', invoker: 'WarrantyLookup', output: { 'body.status': 'DynamicField_Warranty' } },
        { id: 'end', name: 'End', kind: 'end' },
      ],
      transitions: [{ id: 'tell', from: 'call', to: 'end', actions: [{ type: 'sendEmail', to: ['{{customer.Email}}'], subject: 'Warranty {{ticket.DynamicField.Warranty}}', body: 'x' }] }],
    })
    const at = new Date().toISOString()
    const hash = contentHash(definition)
    const ticket = await store.transaction(async (tx) => {
      await tx.processes.addDeployment({ id: 'd1', basedOn: null, source: { commit: 'c', ref: 'main', author: 't' }, plan: [], actor: 't', createdAt: at })
      await tx.processes.put({ id: 'lookup', name: 'Lookup', state: 'active', activeVersion: null, activeHash: null, createdAt: at, updatedAt: at })
      const v = await tx.processes.addVersion({ processId: 'lookup', hash, definition, sourceCommit: 'c', deploymentId: 'd1', createdAt: at })
      await tx.processes.put({ id: 'lookup', name: 'Lookup', state: 'active', activeVersion: v.version, activeHash: hash, createdAt: at, updatedAt: at })
      return tx.tickets.create({ Title: 'Laptop', Queue: 'Service Desk', State: 'new', Priority: '3 normal', CustomerUser: 'jane', now: at })
    })
    try {
      await engine.runtime.ticketCreated(ticket.id, { kind: 'system' })
      await engine.worker.runOnce()
      expect(fetched).toEqual([`${stub.url}/warranty`])
      expect(smtp.received).toHaveLength(1)
      expect(smtp.received[0]?.from).toBe('override@example.com')
      expect(smtp.received[0]?.raw).toContain('Subject: Warranty valid')
    } finally {
      await engine.close()
      engine = undefined
      await mailer.close()
      await stub.close()
    }
  })

  it('refuses a broken custom script with CONFIG_INVALID naming the file', async () => {
    await writeFile(join(dir, 'broken.mjs'), 'export default 42')
    const config = parseConfig('target: { queues: [Q], states: [], priorities: [], types: [], users: [], roles: [], dynamicFields: [] }')
    await expect(createEngineRuntime({ config: { ...config, scriptsDir: dir }, store, logger: captureLogger().logger, clock: systemClock, secrets: {} })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('broken.mjs'),
    })
  })
})
