import { createServer, type Server } from 'node:http'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { parse } from 'yaml'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { contentHash, parseDefinition } from '@ablauf/sdk'
import { runCli } from '../cli.js'
import { znunyFixtures } from './fixtures/znuny-fixtures.js'
import { importZnunyYaml } from './znuny/import-znuny.js'

const complex2 = znunyFixtures().find((f) => f.name === 'Complex2.yml')?.text as string
const { definition } = importZnunyYaml(complex2)

async function ablauf(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', (c: Buffer) => (out += c.toString()))
  stderr.on('data', (c: Buffer) => (err += c.toString()))
  const code = await runCli(['node', 'ablauf', ...argv], { stdout, stderr, env: {}, cwd, fetch: globalThis.fetch, signal: new AbortController().signal })
  return { code, stdout: out, stderr: err }
}

let server: Server
let engine: string
beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json')
    if (req.url === '/api/v1/processes') {
      res.end(JSON.stringify([{ id: definition.id, name: definition.name, state: 'active', activeVersion: 3, activeHash: contentHash(definition) }]))
    } else if (req.url === `/api/v1/processes/${definition.id}/versions/3`) {
      res.end(JSON.stringify({ processId: definition.id, version: 3, hash: contentHash(definition), definition }))
    } else {
      res.statusCode = 404
      res.end(JSON.stringify({ error: { code: 'NOT_FOUND', message: `no ${req.url}` } }))
    }
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  engine = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((r) => server.close(() => r())))

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ablauf-interop-cli-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('ablauf import / export', () => {
  it('imports a Znuny export into processes/ and reports the warnings', async () => {
    await writeFile(join(dir, 'Book.yml'), complex2)
    const r = await ablauf(['import', 'Book.yml'], dir)
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('Imported "book-ordering" from Znuny/OTOBO YAML to processes/book-ordering.process.ts.\n')
    expect(await readdir(join(dir, 'processes'))).toEqual(['book-ordering.process.ts'])
  })

  it('fails with IMPORT_FAILED and exit 1 on a dangling reference, writing nothing', async () => {
    await writeFile(join(dir, 'Bad.yml'), complex2.replace('StartActivity: A1', 'StartActivity: A42'))
    const r = await ablauf(['import', 'Bad.yml', '--out', 'x.process.ts'], dir)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^error IMPORT_FAILED: \S*Bad\.yml: Process\.Config\.StartActivity: start activity "A42" is not defined/)
    expect(await readdir(dir)).toEqual(['Bad.yml'])
  })

  it('exports the active version as canonical JSON that imports to the same hash', async () => {
    const r = await ablauf(['export', '--engine', engine, definition.id, '--out', 'book.json'], dir)
    expect(r.code).toBe(0)
    const parsed = parseDefinition(JSON.parse(await readFile(join(dir, 'book.json'), 'utf8')))
    expect(parsed.ok && contentHash(parsed.value)).toBe(contentHash(definition))
    const back = await ablauf(['import', 'book.json', '--out', 'book.process.ts'], dir)
    expect(back.code).toBe(0)
  })

  it('exports a version as OTOBO YAML', async () => {
    const r = await ablauf(['export', '--engine', engine, definition.id, '--version', '3', '--format', 'znuny', '--tags', 'otobo'], dir)
    expect(r.code).toBe(0)
    const doc = parse(r.stdout) as { Process: { Name: string; Activities: string[] } }
    expect(doc.Process.Name).toBe('Book ordering')
    expect(doc.Process.Activities).toHaveLength(5)
  })

  it('says NOT_FOUND for a process the engine does not run', async () => {
    const r = await ablauf(['export', '--engine', engine, 'nope'], dir)
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('error NOT_FOUND: process "nope" is not deployed')
  })
})
