import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { parseConfig } from '../../config/load-config.js'
import { startEngine, type RunningEngine } from '../../main.js'
import { openSqliteStore, type SqliteStore } from '../../store/sqlite/sqlite-store.js'
import { hashToken } from '../auth/token-auth.js'

/** Tokens of the test engine, by role. */
export const TOKENS = {
  admin: 'admin-token-0123456789',
  deploy: 'deploy-token-0123456789',
  read: 'read-token-0123456789',
  anna: 'agent-anna-0123456789',
  hanna: 'agent-hanna-0123456789',
  carla: 'customer-carla-0123456789',
  john: 'customer-john-0123456789',
} as const

const SCOPES: Record<Exclude<keyof typeof TOKENS, 'admin'>, string[]> = {
  deploy: ['deploy'],
  read: ['read'],
  anna: ['agent:anna.agent'],
  hanna: ['agent:hanna.hr'],
  carla: ['customer:c.miller'],
  john: ['customer:j.doe'],
}

/** A running engine on 127.0.0.1 over a real SQLite file, with the demo target. */
export interface ApiHarness {
  engine: RunningEngine
  store: SqliteStore
  dbPath: string
  call(method: string, path: string, options?: { token?: keyof typeof TOKENS | null; body?: unknown; raw?: string }): Promise<{ status: number; body: any; headers: Headers }>
  /** sha256 of the database file after a WAL checkpoint. */
  dbHash(): Promise<string>
  close(): Promise<void>
}

/** Starts a test engine. */
export async function startHarness(options: { bodyLimit?: string } = {}): Promise<ApiHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'ablauf-api-'))
  const dbPath = join(dir, 'engine.db')
  const demo = parseConfig(readFileSync(new URL('../../../config/demo.yaml', import.meta.url), 'utf8'), 'demo.yaml')
  const config = {
    ...demo,
    server: { ...demo.server, bodyLimit: options.bodyLimit ?? demo.server.bodyLimit },
    tokens: Object.entries(SCOPES).map(([name, scopes]) => ({ name, scopes, sha256: hashToken(TOKENS[name as keyof typeof SCOPES]) })),
  }
  const store = openSqliteStore({ path: dbPath })
  const engine = await startEngine({
    config, db: store, port: 0, adminToken: TOKENS.admin, logger: pino({ level: 'silent' }), env: {}, startWorker: false,
  })
  return {
    engine,
    store,
    dbPath,
    async call(method, path, { token = 'admin', body, raw } = {}) {
      const headers: Record<string, string> = {}
      if (token !== null) headers.authorization = `Bearer ${TOKENS[token]}`
      if (body !== undefined || raw !== undefined) headers['content-type'] = 'application/json'
      const res = await fetch(`${engine.url}${path}`, { method, headers, body: raw ?? (body === undefined ? undefined : JSON.stringify(body)) })
      const text = await res.text()
      let parsed: unknown = text
      try {
        parsed = JSON.parse(text)
      } catch {
        // not JSON (e.g. /metrics)
      }
      return { status: res.status, body: parsed, headers: res.headers }
    },
    async dbHash() {
      await store.checkpoint()
      return createHash('sha256').update(readFileSync(dbPath)).digest('hex')
    },
    async close() {
      await engine.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A valid definition for the demo target: agents confirm new Service Desk tickets. */
export function triageDefinition(id = 'incident-triage', over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'ablauf/v1',
    id,
    name: `Triage ${id}`,
    description: 'Let an agent confirm the category',
    start: { on: 'ticket.created', when: { op: 'eq', field: 'Queue', value: 'Service Desk' }, activity: 'confirm' },
    activities: [
      {
        id: 'confirm',
        name: 'Confirm',
        description: 'An agent confirms the category',
        kind: 'user',
        dialogs: [{ id: 'confirm-dialog', title: 'Confirm', interface: ['agent'], fields: [{ field: 'DynamicField_Category', display: 'required' }] }],
      },
      { id: 'done', name: 'Done', description: 'Finished', kind: 'end' },
    ],
    transitions: [{ id: 'close', from: 'confirm', to: 'done', description: 'Close', actions: [{ type: 'setState', state: 'closed successful' }] }],
    ...over,
  }
}

/** The deployment source used by tests. */
export const SOURCE = { commit: 'c0ffee', ref: 'refs/heads/main', author: 'dev' }
