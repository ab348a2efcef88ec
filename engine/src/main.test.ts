import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseConfig } from './config/load-config.js'
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
})
