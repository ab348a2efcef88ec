import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino, type Logger } from 'pino'
import type { EngineConfig } from '../../config/config-schema.js'
import { parseConfig } from '../../config/load-config.js'
import { startEngine, type RunningEngine } from '../../main.js'
import { openSqliteStore, type SqliteStore } from '../../store/sqlite/sqlite-store.js'
import type { ProcessInstance } from '@ablauf/sdk/runtime'
import type { Clock, Deployment, DeploymentPlanStep, HistoryRow, StoredVersion, Ticket, UserTaskRow } from '../../store/store-port.js'
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

/** The error body of every failed request. */
export interface ApiError {
  error: { code: string; message: string; details: Record<string, unknown> }
  requestId: string
}

/**
 * The body of a call without a type argument: a JSON object whose `ticket` reads as a ticket (the
 * commonest answer); pass a type argument (`h.call<TasksBody>(…)`) for anything else.
 */
export type ApiBody = Record<string, unknown> & { ticket: Ticket }

/** `POST /tickets`, `GET /tickets/:id`. */
export interface TicketBody {
  ticket: Ticket
  instance: ProcessInstance | null
  instances: ProcessInstance[]
  articles: { subject: string; body: string; channel: string; visibleForCustomer: boolean }[]
}
/** `GET /tasks`. */
export interface TasksBody {
  tasks: (UserTaskRow & { ticket: { id: string; number: string; Title: string; Queue: string; State: string } | null; dialogs: { id: string }[] })[]
}
/** `GET /tickets/:id/history`. */
export interface HistoryBody {
  history: HistoryRow[]
}
/** `GET /instances`, `GET /instances/:id`, `POST /tasks/:id/submit`, `POST /instances/:id/retry`. */
export interface InstancesBody {
  instances: ProcessInstance[]
}
export interface InstanceBody {
  instance: ProcessInstance
  history: HistoryRow[]
}
/** `POST /deployments`. */
export interface DeployBody {
  changed: boolean
  dryRun: boolean
  deployment: Deployment | null
  plan: DeploymentPlanStep[]
}
/** `GET /processes/:id/versions[/:v]`. */
export interface VersionsBody {
  versions: StoredVersion[]
  version: StoredVersion
}
/** Issues listed in `details` of a 400 or 422. */
export interface IssueDetails {
  issues: { code: string; path: (string | number)[]; message: string }[]
  definitions: { index: number; id: string; issues: { code: string; message: string }[] }[]
  fields: string[]
}
/** An error answer with typed details. */
export interface ApiErrorWith<D> {
  error: { code: string; message: string; details: D }
  requestId: string
}

/** An answer of the API; `T` is what the test expects the body to be (it is not checked). */
export interface ApiResponse<T> {
  status: number
  body: T
  headers: Headers
}

/** Options of {@link startHarness}. */
export interface HarnessOptions {
  bodyLimit?: string
  /** Default: silent. */
  logger?: Logger
  clock?: Clock
  /** Changes to the demo config (web service URLs, SMTP, templates, trace rules). */
  configure?: (config: EngineConfig) => EngineConfig
  /** Secrets (web-service tokens, SMTP login). */
  env?: Record<string, string>
  /** Start the polling job worker (default false: tests drive it with `engine.worker.runOnce()`). */
  startWorker?: boolean
  /** The engine's outbound fetch (web-service calls). */
  fetch?: typeof globalThis.fetch
}

/** A running engine on 127.0.0.1 over a real SQLite file, with the demo target. */
export interface ApiHarness {
  engine: RunningEngine
  store: SqliteStore
  dbPath: string
  call<T = ApiBody>(method: string, path: string, options?: { token?: keyof typeof TOKENS | null; body?: unknown; raw?: string }): Promise<ApiResponse<T>>
  /** sha256 of the database file after a WAL checkpoint. */
  dbHash(): Promise<string>
  close(): Promise<void>
}

/** Starts a test engine. */
export async function startHarness(options: HarnessOptions = {}): Promise<ApiHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'ablauf-api-'))
  const dbPath = join(dir, 'engine.db')
  const demo = parseConfig(readFileSync(new URL('../../../config/demo.yaml', import.meta.url), 'utf8'), 'demo.yaml')
  const configured = options.configure?.(demo) ?? demo
  const config = {
    ...configured,
    server: { ...configured.server, bodyLimit: options.bodyLimit ?? configured.server.bodyLimit },
    tokens: Object.entries(SCOPES).map(([name, scopes]) => ({ name, scopes, sha256: hashToken(TOKENS[name as keyof typeof SCOPES]) })),
  }
  const store = openSqliteStore({ path: dbPath })
  const engine = await startEngine({
    config,
    db: store,
    port: 0,
    adminToken: TOKENS.admin,
    logger: options.logger ?? pino({ level: 'silent' }),
    env: options.env ?? {},
    startWorker: options.startWorker ?? false,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  })
  return {
    engine,
    store,
    dbPath,
    async call<T>(method: string, path: string, { token = 'admin', body, raw }: { token?: keyof typeof TOKENS | null; body?: unknown; raw?: string } = {}): Promise<ApiResponse<T>> {
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
      return { status: res.status, body: parsed as T, headers: res.headers }
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
