import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { createCompiler as createCompilerFromSources } from './create-compiler.js'
import { formatDiagnostic } from './diagnostic-format.js'

// Golden fixtures: each case is a small process repository; `UPDATE_GOLDEN=1` rewrites the expectations.
const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url))
const UPDATE = process.env['UPDATE_GOLDEN'] === '1'

function cases(kind: 'valid' | 'invalid'): string[] {
  return readdirSync(path.join(FIXTURES, kind)).sort()
}

function golden(file: string, actual: string): void {
  if (UPDATE || !existsSync(file)) writeFileSync(file, actual)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

type CreateCompiler = typeof createCompilerFromSources
let createBuiltCompiler: CreateCompiler

beforeAll(async () => {
  // Process modules are type-checked against the built sdk (its package exports point at dist), and
  // the built compiler evaluates in its worker thread (run from sources, it evaluates in this one).
  execFileSync('flock', ['/tmp/ablauf-tsc.lock', 'npx', 'tsc', '-b', 'deployer'], { cwd: path.join(FIXTURES, '../..'), stdio: 'inherit' })
  const built = (await import(path.join(FIXTURES, '../dist/compile/index.js'))) as { createCompiler: CreateCompiler }
  createBuiltCompiler = built.createCompiler
})

describe.each([
  ['from sources, evaluating in this thread', (): CreateCompiler => createCompilerFromSources],
  ['built, evaluating in the worker', (): CreateCompiler => createBuiltCompiler],
])('compile golden fixtures (%s)', (_how, compilerFactory) => {
  it.each(cases('valid'))('valid/%s compiles to the expected definitions', async (name) => {
    const dir = path.join(FIXTURES, 'valid', name)
    const result = await compilerFactory()({ dir, cwd: dir, timeoutMs: 1000 }).compile()
    expect(result.errorCount, result.diagnostics.map(formatDiagnostic).join('\n')).toBe(0)
    const actual = {
      definitions: result.processes.map((p) => ({ id: p.id, hash: p.hash, source: p.source, definition: p.definition })),
      warnings: result.diagnostics.map(formatDiagnostic),
    }
    golden(path.join(dir, 'expected.json'), `${JSON.stringify(actual, null, 2)}\n`)
  })

  it.each(cases('invalid'))('invalid/%s fails with the expected errors, each at file:line:col', async (name) => {
    const dir = path.join(FIXTURES, 'invalid', name)
    const result = await compilerFactory()({ dir, cwd: dir, timeoutMs: 1000 }).compile()
    expect(result.errorCount).toBeGreaterThan(0)
    for (const d of result.diagnostics) {
      expect(d.file).toMatch(/\.ts$/)
      expect(d.line).toBeGreaterThan(0)
    }
    golden(path.join(dir, 'expected.txt'), `${result.diagnostics.map(formatDiagnostic).join('\n')}\n`)
  })
})
