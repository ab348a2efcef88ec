import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { parseConfig } from './config/load-config.js'
import { startSmtpSink } from './mail/test-support/smtp-sink.js'
import { startEngine } from './main.js'
import { openSqliteStore } from './store/sqlite/sqlite-store.js'

describe('startEngine', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ablauf-main-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('serves with ABLAUF_TOKEN as admin token, shuts down gracefully and leaves a reusable database', async () => {
    const config = parseConfig(readFileSync(new URL('../config/demo.yaml', import.meta.url), 'utf8'))
    const db = join(dir, 'engine.db')
    const token = 'env-admin-token-0123456789'
    const engine = await startEngine({ config, db: `sqlite:${db}`, port: 0, env: { ABLAUF_TOKEN: token }, logger: pino({ level: 'silent' }) })
    const res = await fetch(`${engine.url}/api/v1/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ Title: 'Laptop', Queue: 'Hardware', test: true }),
    })
    expect(res.status).toBe(201)
    await Promise.all([engine.close(), engine.close()])
    await expect(fetch(`${engine.url}/healthz`)).rejects.toThrow()
    const store = openSqliteStore({ path: db })
    expect(await store.transaction((tx) => tx.tickets.list())).toMatchObject([{ Title: 'Laptop', test: true }])
    await store.close()
  })

  it('sends template e-mails through an SMTP server that requires auth (config smtp.auth and emailTemplates reach the runtime)', async () => {
    const sink = await startSmtpSink({ user: 'helpdesk', password: 'smtp-secret-1' })
    const demo = parseConfig(readFileSync(new URL('../config/demo.yaml', import.meta.url), 'utf8'))
    const config = {
      ...demo,
      smtp: { host: '127.0.0.1', port: sink.port, secure: false, from: 'Help Desk <helpdesk@example.com>', auth: { userEnv: 'SMTP_USER', passwordEnv: 'SMTP_PASSWORD' } },
      target: { ...demo.target, emailTemplates: [{ name: 'ack', subject: 'Received: {{ticket.Title}}', body: 'Dear {{customer.FirstName}}, we are on it.' }] },
    }
    const token = 'env-admin-token-0123456789'
    const engine = await startEngine({
      config, db: join(dir, 'engine.db'), port: 0, logger: pino({ level: 'silent' }),
      env: { ABLAUF_TOKEN: token, SMTP_USER: 'helpdesk', SMTP_PASSWORD: 'smtp-secret-1' },
    })
    try {
      const call = (path: string, body: unknown) =>
        fetch(`${engine.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
      const definition = {
        apiVersion: 'ablauf/v1', id: 'ack', name: 'Acknowledge',
        start: { on: 'ticket.created', activity: 'received' },
        activities: [{ id: 'received', name: 'Received', kind: 'wait' }, { id: 'end', name: 'End', kind: 'end' }],
        transitions: [{ id: 'ack', from: 'received', to: 'end', actions: [{ type: 'sendEmail', to: ['{{customer.Email}}'], template: 'ack' }] }],
      }
      expect((await call('/api/v1/deployments', { definitions: [definition], source: { commit: 'c1', ref: 'main', author: 'me' } })).status).toBe(201)
      expect((await call('/api/v1/tickets', { Title: 'Printer jammed', Queue: 'Hardware', CustomerUser: 'c.miller' })).status).toBe(201)
      await vi.waitFor(() => expect(sink.received).toHaveLength(1), { timeout: 15_000, interval: 25 })
      expect(sink.received[0]?.to).toEqual(['c.miller@acme.example'])
      expect(sink.received[0]?.raw).toContain('Subject: Received: Printer jammed')
      expect(sink.received[0]?.raw).toContain('Dear Carla, we are on it.')
    } finally {
      await engine.close()
      await sink.close()
    }
  })
})
