import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openSqliteStore } from '@ablauf/engine'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildCli, runAblauf, spawnAblauf, waitForOutput } from './cli-test-support.js'

beforeAll(() => buildCli(), 240_000)

describe('ablauf engine', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'ablauf-engine-cmd-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('runs the engine on a SQLite file relative to the cwd until SIGTERM, then exits 0', async () => {
    const child = spawnAblauf(['engine', '--db', 'engine.db', '--port', '0'], { cwd: dir, env: { ABLAUF_TOKEN: 'cli-admin-token-0123456789' } })
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    const line = await waitForOutput(child, /"url":"http:\/\/127\.0\.0\.1:\d+"[^\n]*"msg":"engine ready"/)
    const url = /"url":"([^"]+)"/.exec(line)?.[1]
    const res = await fetch(`${url}/api/v1/processes`, { headers: { authorization: 'Bearer cli-admin-token-0123456789' } })
    expect(await res.json()).toEqual({ processes: [] })
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    const store = openSqliteStore({ path: path.join(dir, 'engine.db') })
    expect(await store.health()).toMatchObject({ ok: true })
    await store.close()
  })

  it('passes a PostgreSQL URL on untouched: an unreachable database exits 1 with ENGINE_UNAVAILABLE, without the password', async () => {
    const run = await runAblauf(['engine', '--db', 'postgres://ablauf:secret@127.0.0.1:1/ablauf'], { cwd: dir })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/error ENGINE_UNAVAILABLE: the database is not reachable/)
    expect(run.stderr).not.toContain('secret')
  })

  it('refuses an unknown option', async () => {
    const run = await runAblauf(['engine', '--dbx', 'x.db'], { cwd: dir })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain("unknown option '--dbx'")
  })
})
