import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const WORKSPACES = ['sdk', 'engine', 'deployer'] as const

interface Manifest {
  name: string
  exports?: Record<string, Record<string, string>>
  bin?: Record<string, string>
}

/** The files `npm pack` would put in the package of `workspace` (what a registry install gets). */
function packedFiles(workspace: string): Set<string> {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: join(ROOT, workspace), encoding: 'utf8' })
  expect(r.status, r.stderr).toBe(0)
  const [pack] = JSON.parse(r.stdout) as { files: { path: string }[] }[]
  return new Set((pack?.files ?? []).map((f) => f.path))
}

/** Everything the manifest points at for consumers: export targets (not the repo-only source condition) and bins. */
function entryPoints(manifest: Manifest): string[] {
  const targets = Object.values(manifest.exports ?? {}).flatMap((conditions) => Object.entries(conditions).filter(([condition]) => condition !== '@ablauf/source').map(([, target]) => target))
  return [...targets, ...Object.values(manifest.bin ?? {})].map((p) => p.replace(/^\.\//, ''))
}

// `ablauf init` scaffolds a repository that installs @ablauf/sdk and @ablauf/deployer from a registry, and
// the deployer brings the engine: a package without its dist/ would install and then fail on first import.
describe('published packages', () => {
  beforeAll(() => {
    const tsc = [process.execPath, join(ROOT, 'node_modules/typescript/bin/tsc'), '-b', join(ROOT, 'deployer')]
    const hasFlock = spawnSync('flock', ['--version']).status === 0
    const r = hasFlock ? spawnSync('flock', ['/tmp/ablauf-tsc.lock', ...tsc], { encoding: 'utf8' }) : spawnSync(tsc[0] ?? 'node', tsc.slice(1), { encoding: 'utf8' })
    expect(r.status, `${r.stdout}${r.stderr}`).toBe(0)
  }, 240_000)

  it.each(WORKSPACES)('%s carries every file its exports and bins point at, and what the bin shims import', (workspace) => {
    const manifest = JSON.parse(readFileSync(join(ROOT, workspace, 'package.json'), 'utf8')) as Manifest
    const files = packedFiles(workspace)
    const shimImports = Object.values(manifest.bin ?? {}).flatMap((bin) => {
      const text = readFileSync(join(ROOT, workspace, bin), 'utf8')
      return [...text.matchAll(/^import '\.\.\/(.+)'$/gm)].map((m) => m[1] ?? '')
    })
    const missing = [...entryPoints(manifest), ...shimImports].filter((p) => !files.has(p))
    expect(missing).toEqual([])
  })

  it.each(WORKSPACES)('%s ships no tests, test fixtures or build caches', (workspace) => {
    const files = [...packedFiles(workspace)]
    expect(files.filter((f) => /\.test(-d)?\.[jt]s$|\.test\.d\.ts$|\/fixtures\/|\.tsbuildinfo$/.test(f))).toEqual([])
  })

  it('ships the engine with its demo configuration and without the crash-test harness or build caches', () => {
    const files = [...packedFiles('engine')]
    expect(files).toContain('config/demo.yaml')
    expect(files.filter((f) => f.startsWith('dist/crash-test/') || f.endsWith('.tsbuildinfo') || f.endsWith('.test.ts'))).toEqual([])
  })
})
