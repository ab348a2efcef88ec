import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contentHash } from '@ablauf/sdk'
import { isAblaufError } from '@ablauf/sdk/errors'
import { znunyFixtures } from './fixtures/znuny-fixtures.js'
import { importProcessFile } from './import-process-file.js'
import { definitionToJson } from './json/definition-json.js'
import { importZnunyYaml } from './znuny/import-znuny.js'

const fixtures = Object.fromEntries(znunyFixtures().map((f) => [f.name, f.text]))
const complex2 = fixtures['Complex2.yml'] as string

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ablauf-import-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function input(name: string, text: string): Promise<string> {
  const file = join(dir, name)
  await writeFile(file, text, 'utf8')
  return file
}

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string; path: unknown }> {
  const err = await p.then(() => undefined, (e: unknown) => e)
  expect(isAblaufError(err, 'IMPORT_FAILED'), String(err)).toBe(true)
  const e = err as { code: string; message: string; details?: { path?: unknown } }
  return { code: e.code, message: e.message, path: e.details?.path }
}

async function modules(): Promise<string[]> {
  return (await readdir(join(dir, 'processes')).catch(() => [])).filter((f) => f.endsWith('.process.ts'))
}

const TARGET = {
  apiVersion: 'ablauf/target-v1',
  queues: [{ name: 'Superior' }, { name: 'Employee' }, { name: 'Purchasing' }, { name: 'Post office' }],
  states: [{ name: 'closed successful', type: 'closed' }, { name: 'closed unsuccessful', type: 'closed' }],
  priorities: [], types: [], users: [{ login: 'Superior' }, { login: 'Employee' }], roles: [],
  dynamicFields: [{ name: 'Status1', type: 'Text' }],
}

describe('importProcessFile', () => {
  it('writes a module for a Znuny export, named after the process', async () => {
    const r = await importProcessFile({ file: await input('Book.yml', complex2), dir: join(dir, 'processes') })
    expect(r.format).toBe('znuny')
    expect(await modules()).toEqual(['book-ordering.process.ts'])
    expect(await readFile(r.outFile, 'utf8')).toContain("defineProcess('book-ordering'")
  })

  it('imports exported JSON to the same definition', async () => {
    const { definition } = importZnunyYaml(complex2)
    const r = await importProcessFile({ file: await input('book.json', definitionToJson(definition)), dir: join(dir, 'processes') })
    expect(r.format).toBe('json')
    expect(contentHash(r.definition)).toBe(contentHash(definition))
  })

  it('lists every missing prerequisite of the target in one error, and writes nothing', async () => {
    const processes = join(dir, 'processes')
    await mkdir(processes)
    await writeFile(join(processes, 'ablauf.target.json'), JSON.stringify(TARGET))
    const e = await failure(importProcessFile({ file: await input('Book.yml', complex2), dir: processes }))
    for (const name of ['Author1', 'ISBN1', 'Title1', 'DeliveryDate1', 'Status']) expect(e.message).toContain(`missing dynamic field "${name}"`)
    expect(e.message).not.toContain('queue "Superior"')
    expect(await modules()).toEqual([])
  })

  const BAD: [string, string, RegExp, unknown][] = [
    ['not YAML', 'Process: [unclosed\n  - : :', /not valid YAML at line/, []],
    ['YAML of another shape', 'name: my-app\nversion: 1\n', /no "Process" key/, ['Process']],
    ['a wrong type inside', 'Process:\n  Name: X\n  Config: 5\n', /not the shape of a Znuny/, ['Process', 'Config']],
    ['a dangling transition target', complex2.replace('ActivityEntityID: A5', 'ActivityEntityID: A99'), /A99.*not defined under Activities/, ['Process', 'Config', 'Path', 'A2', 'T2', 'ActivityEntityID']],
    ['a dangling dialog', complex2.replace("'1': AD10", "'1': AD77"), /AD77/, ['Activities', 'A1', 'Config', 'ActivityDialog', 0]],
    ['not JSON', '{ "apiVersion": ', /not valid JSON/, []],
  ]
  it.each(BAD)('refuses %s with the path, writing nothing', async (_, text, message, path) => {
    const name = text.startsWith('{') ? 'bad.json' : 'bad.yml'
    const e = await failure(importProcessFile({ file: await input(name, text), dir: join(dir, 'processes') }))
    expect(e.message).toMatch(message)
    expect(e.path).toEqual(path)
    expect(await modules()).toEqual([])
  })

  it('refuses a file over 10 MB before parsing it', async () => {
    const big = `Process:\n  Name: x\n# ${'a'.repeat(10 * 1024 * 1024)}\n`
    const e = await failure(importProcessFile({ file: await input('big.yml', big), dir: join(dir, 'processes') }))
    expect(e.message).toMatch(/over the import limit/)
    expect(await modules()).toEqual([])
  })

  it('refuses a YAML alias bomb', async () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`)
    const e = await failure(importProcessFile({ file: await input('bomb.yml', `${lines.join('\n')}\nProcess: *a8\n`), dir: join(dir, 'processes') }))
    expect(e.message).toMatch(/alias/i)
    expect(await modules()).toEqual([])
  })

  it('refuses to overwrite an existing module without force', async () => {
    const file = await input('Book.yml', complex2)
    await importProcessFile({ file, dir: join(dir, 'processes') })
    await failure(importProcessFile({ file, dir: join(dir, 'processes') }))
    await importProcessFile({ file, dir: join(dir, 'processes'), force: true })
  })
})
