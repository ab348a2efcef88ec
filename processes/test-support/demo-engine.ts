import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig, startEngine, type RunningEngine } from '@ablauf/engine'
import { pino } from 'pino'

const DEMO_CONFIG = new URL('../../engine/config/demo.yaml', import.meta.url).pathname
const TOKEN = 'processes-demo-admin-token-0123456789'

/** The engine `npm start` runs: the demo configuration, on a throwaway SQLite file, on 127.0.0.1. */
export interface DemoEngine {
  engine: RunningEngine
  /** A JSON API call as the admin. */
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>
  close(): Promise<void>
}

/**
 * `fetch` answers the engine's web service calls (the demo's ERP is not reachable from tests); `env`
 * holds their secrets, e.g. `ERP_TOKEN`.
 */
export async function startDemoEngine(options: { fetch?: typeof globalThis.fetch; env?: Record<string, string> } = {}): Promise<DemoEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'ablauf-processes-'))
  const { config } = await loadConfig(DEMO_CONFIG, {})
  const engine = await startEngine({
    config, db: join(dir, 'engine.db'), port: 0, adminToken: TOKEN, logger: pino({ level: 'silent' }), env: options.env ?? {}, startWorker: false,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  })
  return {
    engine,
    async call(method, path, body) {
      const res = await fetch(`${engine.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      return { status: res.status, body: await res.json() }
    },
    async close() {
      await engine.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
