import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openSqliteStore } from '../store/sqlite/sqlite-store.js'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const BIN = join(ROOT, 'engine/dist/bin/ablauf-engine.js')

/** The spawned engine runs the built dist: bring it up to date first (incremental, under the shared lock). */
beforeAll(() => {
  const tsc = [process.execPath, join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', join(ROOT, 'engine')]
  const hasFlock = spawnSync('flock', ['--version']).status === 0
  const r = hasFlock ? spawnSync('flock', ['/tmp/ablauf-tsc.lock', ...tsc], { encoding: 'utf8' }) : spawnSync(tsc[0] ?? 'node', tsc.slice(1), { encoding: 'utf8' })
  expect(r.status, `${r.stdout}${r.stderr}`).toBe(0)
  expect(existsSync(BIN)).toBe(true)
}, 240_000)

interface LogLine {
  msg: string
  url?: string
  [key: string]: unknown
}

function run(args: string[], env: Record<string, string> = {}): { child: ChildProcess; lines: LogLine[]; stderr: () => string; exit: Promise<number | null>; ready: Promise<LogLine> } {
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  const lines: LogLine[] = []
  let err = ''
  child.stderr?.on('data', (c: Buffer) => {
    err += c.toString('utf8')
  })
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const ready = new Promise<LogLine>((resolve, reject) => {
    createInterface({ input: child.stdout ?? process.stdin }).on('line', (text) => {
      const line = JSON.parse(text) as LogLine
      lines.push(line)
      if (line.msg === 'engine ready') resolve(line)
    })
    void exit.then((code) => reject(new Error(`engine exited with ${code}: ${err}`)))
  })
  ready.catch(() => undefined) // awaited only by tests that expect the engine to come up
  return { child, lines, stderr: () => err, exit, ready }
}

describe('ablauf-engine (the built bin)', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ablauf-bin-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('serves the demo config, logs "engine ready" with the url, and on SIGTERM exits 0 with the database closed cleanly', async () => {
    const db = join(dir, 'engine.db')
    const engine = run(['--db', `sqlite:${db}`, '--port', '0'], { ABLAUF_TOKEN: 'bin-admin-token-0123456789', LOG_LEVEL: 'info' })
    const ready = await engine.ready
    expect(ready.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(engine.lines.filter((l) => l.msg === 'engine ready')).toHaveLength(1)
    const health = await fetch(`${ready.url}/healthz`)
    expect(await health.json()).toEqual({ status: 'ok' })
    const schema = await fetch(`${ready.url}/api/v1/schema`, { headers: { authorization: 'Bearer bin-admin-token-0123456789' } })
    expect(((await schema.json()) as { name: string }).name).toBe('demo')

    engine.child.kill('SIGTERM')
    expect(await engine.exit).toBe(0)
    expect(engine.lines.map((l) => l.msg)).toContain('engine stopped')
    expect(engine.stderr()).toBe('')
    expect(existsSync(`${db}-wal`)).toBe(false)
    const store = openSqliteStore({ path: db })
    expect(await store.health()).toMatchObject({ ok: true })
    expect((await store.transaction((tx) => tx.target.get(), { readOnly: true }))?.name).toBe('demo')
    await store.close()
  })

  it('reports an unreachable PostgreSQL with ENGINE_UNAVAILABLE and exit code 1, without a stack or the password', async () => {
    const engine = run(['--db', 'postgres://ablauf:secret@127.0.0.1:1/ablauf'])
    await expect(engine.ready).rejects.toThrow()
    expect(await engine.exit).toBe(1)
    expect(engine.stderr()).toMatch(/^error ENGINE_UNAVAILABLE: the database is not reachable: .*ECONNREFUSED.*\n$/)
    expect(engine.stderr()).not.toContain('secret')
  })

  it('refuses unknown options and a bad PORT, naming them', async () => {
    const unknown = run(['--dbx', 'x.db'])
    expect(await unknown.exit).toBe(1)
    expect(unknown.stderr()).toContain("error CONFIG_INVALID: Unknown option '--dbx'")
    const port = run(['--db', join(dir, 'e.db')], { PORT: 'eighty' })
    expect(await port.exit).toBe(1)
    expect(port.stderr()).toContain('env PORT')
  })

  it('refuses a port another program listens on with CONFIG_INVALID and how to pick another, without a stack, and closes the database it opened', async () => {
    const busy = createServer()
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve))
    const { port } = busy.address() as AddressInfo
    try {
      const engine = run(['--db', join(dir, 'busy.db'), '--port', String(port)], { ABLAUF_TOKEN: 'bin-admin-token-0123456789' })
      expect(await engine.exit).toBe(1)
      expect(engine.stderr()).toBe(`error CONFIG_INVALID: port ${port} is already in use on 127.0.0.1 (another engine or program listens there): stop it, or pick another port with --port N or PORT=N (--port 0 takes any free port)\n`)
      expect(existsSync(join(dir, 'busy.db-wal'))).toBe(false)
    } finally {
      await new Promise((resolve) => busy.close(resolve))
    }
  })
})
