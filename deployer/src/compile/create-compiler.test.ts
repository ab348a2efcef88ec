import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readBuildManifest } from './build-manifest.js'
import { createCompiler } from './create-compiler.js'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const TRIAGE = path.join(ROOT, 'deployer/fixtures/valid/triage')

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ablauf-compiler-'))
  cpSync(TRIAGE, dir, { recursive: true, filter: (f) => !f.endsWith('expected.json') })
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const codes = (r: { diagnostics: { code: string; severity: string }[] }): string[] =>
  r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)

describe('createCompiler', () => {
  it('writes one canonical JSON per process and a manifest', async () => {
    const out = path.join(dir, '.ablauf/build')
    const result = await createCompiler({ dir, out, cwd: dir }).compile()
    expect(result.errorCount).toBe(0)
    const manifest = readBuildManifest(out)
    expect(manifest?.processes).toEqual([
      { id: 'incident-triage', hash: result.processes[0]?.hash, source: 'triage.process.ts', file: 'incident-triage.json' },
    ])
    expect(JSON.parse(readFileSync(path.join(out, 'incident-triage.json'), 'utf8'))).toEqual(result.processes[0]?.definition)
  })

  it('rechecks a changed helper and the processes importing it, and recovers when it is fixed', async () => {
    const compiler = createCompiler({ dir, cwd: dir })
    expect((await compiler.compile()).errorCount).toBe(0)
    const helper = path.join(dir, 'shared/notes.ts')
    writeFileSync(helper, "export const closingNote: number = 'oops'\n")
    const broken = await compiler.update([helper])
    expect(broken.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual([
      'shared/notes.ts:1 TS2322',
      'triage.process.ts:28 TS2322',
    ])
    expect(broken.processes).toEqual([])
    writeFileSync(helper, "export const closingNote = 'fixed {{ticket.Title}}'\n")
    const fixed = await compiler.update([helper])
    expect(fixed.errorCount).toBe(0)
    expect(JSON.stringify(fixed.processes[0]?.definition)).toContain('fixed {{ticket.Title}}')
  })

  it('picks up new and deleted process modules', async () => {
    const compiler = createCompiler({ dir, cwd: dir })
    await compiler.compile()
    const extra = path.join(dir, 'extra.process.ts')
    writeFileSync(
      extra,
      [
        "import { defineProcess } from '@ablauf/sdk'",
        "export default defineProcess('extra', { name: 'Extra', description: 'x', start: { on: 'ticket.created' } })",
        "  .wait('triage', { description: 'Waits' })",
        "  .end('done', { description: 'Done' })",
        "  .transition('triage', 'done', { description: 'Go' })",
        '',
      ].join('\n'),
    )
    expect((await compiler.update([extra])).processes.map((p) => p.id)).toEqual(['extra', 'incident-triage'])
    rmSync(extra)
    expect((await compiler.update([extra])).processes.map((p) => p.id)).toEqual(['incident-triage'])
  })

  it('gives each process module its own time limit', async () => {
    const busy = (id: string, ms: number): string =>
      [
        "import { defineProcess } from '@ablauf/sdk'",
        `const until = Date.now() + ${ms}`,
        'while (Date.now() < until) {',
        '  // busy',
        '}',
        `export default defineProcess('${id}', { name: '${id}', description: 'x', start: { on: 'ticket.created' } })`,
        "  .wait('triage', { description: 'Waits' })",
        "  .end('done', { description: 'Done' })",
        "  .transition('triage', 'done', { description: 'Go' })",
        '',
      ].join('\n')
    // Together longer than the limit, each well within it; the endless one still times out.
    writeFileSync(path.join(dir, 'a-quick.process.ts'), busy('a-quick', 300))
    writeFileSync(path.join(dir, 'b-slow.process.ts'), busy('b-slow', 800))
    writeFileSync(path.join(dir, 'c-spin.process.ts'), busy('c-spin', 60_000))
    const result = await createCompiler({ dir, cwd: dir, timeoutMs: 1000 }).compile()
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file} ${d.code}`)).toEqual(['c-spin.process.ts EVAL_TIMEOUT'])
    expect(result.processes.map((p) => p.id)).toEqual(['a-quick', 'b-slow', 'incident-triage'])
  })

  it('checks references against a changed target snapshot', async () => {
    const compiler = createCompiler({ dir, cwd: dir })
    await compiler.compile()
    const snapshotFile = path.join(dir, 'ablauf.target.json')
    const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8')) as { queues: { name: string }[] }
    snapshot.queues = snapshot.queues.filter((q) => q.name !== 'Hardware')
    writeFileSync(snapshotFile, JSON.stringify(snapshot))
    const result = await compiler.update([snapshotFile])
    expect(codes(result)).toEqual(['UNKNOWN_QUEUE'])
    expect(result.diagnostics.find((d) => d.code === 'UNKNOWN_QUEUE')?.line).toBe(25)
  })
})
