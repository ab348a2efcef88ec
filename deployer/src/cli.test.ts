import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { contentHash, parseDefinition } from '@ablauf/sdk'
import { simulate } from '@ablauf/sdk/testing'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildCli, REPO_ROOT, runAblauf, spawnAblauf, waitForOutput } from './commands/cli-test-support.js'

const FIXTURES = path.join(REPO_ROOT, 'deployer/fixtures')

let tmp: string
beforeAll(buildCli)
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'ablauf-cli-'))
})
afterEach(() => rmSync(tmp, { recursive: true, force: true }))

/** A copy of a fixture repository that resolves `@ablauf/sdk` through the workspace's node_modules. */
function repoCopy(fixture: string): string {
  const dir = path.join(tmp, 'processes')
  cpSync(path.join(FIXTURES, fixture), dir, { recursive: true, filter: (f) => !/expected\.(json|txt)$/.test(f) })
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'))
  return dir
}

describe('ablauf compile', () => {
  it('writes canonical JSON and a manifest and prints a one-line summary', async () => {
    repoCopy('valid/triage')
    const r = await runAblauf(['compile'], { cwd: tmp })
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('compiled 1 process (0 errors, 8 warnings) → .ablauf/build\n')
    expect(r.stderr).toContain('processes/triage.process.ts:9:11 - warning MISSING_DESCRIPTION: activity "classify" has no description')
    const manifest = JSON.parse(readFileSync(path.join(tmp, '.ablauf/build/manifest.json'), 'utf8')) as { processes: { id: string; hash: string }[] }
    const json = readFileSync(path.join(tmp, '.ablauf/build/incident-triage.json'), 'utf8')
    const parsed = parseDefinition(JSON.parse(json))
    expect(parsed.ok && contentHash(parsed.value)).toBe(manifest.processes[0]?.hash)
  })

  it('prints errors like tsc and exits 1', async () => {
    repoCopy('invalid/unknown-queue')
    const r = await runAblauf(['compile', '--dir', 'processes'], { cwd: tmp })
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('processes/route.process.ts:11:79 - error UNKNOWN_QUEUE: unknown queue "Hardwear" — did you mean "Hardware"?\n')
    expect(r.stdout).toBe('compiled 0 processes (1 error, 0 warnings)\n')
  })

  it('reports machine-readable diagnostics with --json', async () => {
    repoCopy('invalid/wrong-dropdown-value')
    const r = await runAblauf(['compile', '--json'], { cwd: tmp })
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout) as { ok: boolean; diagnostics: unknown[] }
    expect(report.ok).toBe(false)
    expect(report.diagnostics[0]).toEqual({
      file: 'processes/category.process.ts',
      line: 6,
      col: 74,
      code: 'UNKNOWN_FIELD_VALUE',
      severity: 'error',
      message: 'unknown value of DynamicField_Category "netwrk" — did you mean "network"?',
    })
  })

  it('rejects a bad option without a stack trace', async () => {
    const r = await runAblauf(['compile', '--timeout', 'soon'], { cwd: tmp })
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^error CONFIG_INVALID: --timeout: /)
    expect(r.stderr).not.toContain('    at ')
  })

  it('rebuilds on change with --watch', async () => {
    const dir = repoCopy('valid/triage')
    const child = spawnAblauf(['compile', '--watch'], { cwd: tmp })
    try {
      await waitForOutput(child, /compiled 1 process/)
      const rebuilt = waitForOutput(child, /rebuilt after \d+ changes? in \d+ ms\ncompiled 0 processes \(1 error/)
      const file = path.join(dir, 'triage.process.ts')
      writeFileSync(file, readFileSync(file, 'utf8').replace("setQueue('Hardware')", "setQueue('Hardwired')"))
      await rebuilt
    } finally {
      child.kill('SIGINT')
    }
  })
})

describe('ablauf diagram', () => {
  it('prints a Mermaid flowchart of a compiled process', async () => {
    repoCopy('valid/triage')
    const r = await runAblauf(['diagram', 'incident-triage'], { cwd: tmp })
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(readFileSync(path.join(FIXTURES, 'diagram/incident-triage.mmd'), 'utf8'))
  })

  it('names the known processes when the id is unknown', async () => {
    repoCopy('valid/triage')
    const r = await runAblauf(['diagram', 'nope'], { cwd: tmp })
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('error NOT_FOUND: no valid process "nope" in processes (known: incident-triage)\n')
  })
})

describe('ablauf init', () => {
  it('scaffolds a repository that compiles green and whose example scenario passes', async () => {
    const init = await runAblauf(['init', 'my-processes'], { cwd: tmp })
    expect(init.code).toBe(0)
    const dir = path.join(tmp, 'my-processes')
    symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'))
    const r = await runAblauf(['compile', '--dir', '.'], { cwd: dir })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    expect(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'))).toMatchObject({ dependencies: { '@ablauf/sdk': '^0.1.0' } })
    const definition = JSON.parse(readFileSync(path.join(dir, '.ablauf/build/incident-triage.json'), 'utf8')) as unknown
    const parsed = parseDefinition(definition)
    if (!parsed.ok) throw new Error('the built definition does not parse')
    const run = simulate(parsed.value, {
      ticket: { Title: 'Laptop broken', Queue: 'Service Desk' },
      scripts: { 'classify-by-keywords': { DynamicField_Category: 'hardware' } },
    }).submit('confirm', { DynamicField_Category: 'hardware' })
    expect(run.path).toEqual(['classify', 'confirm', 'done'])
    expect(run.ticket.Queue).toBe('Hardware')
  })

  it('refuses a directory that is not empty', async () => {
    writeFileSync(path.join(tmp, 'x.txt'), 'x')
    const r = await runAblauf(['init', '.'], { cwd: tmp })
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^error CONFLICT: .* is not empty/)
  })
})
