import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)

/**
 * Packages a checkout may need for type-checking and that this program can lend it: the sdk its
 * process modules import, and Node's types, which a tsconfig often lists in `types`.
 */
const LENT = [
  { name: '@ablauf/sdk', required: true },
  { name: '@types/node', required: false },
] as const

/**
 * Makes the checkout `dir` type-check without its own `node_modules` (a reconciler worktree, a fresh
 * clone): links `<dir>/node_modules/@ablauf/sdk` to the sdk this program runs with, and `@types/node`
 * when this program has it. A package the checkout brings itself is left alone.
 *
 * @example
 * ```ts
 * linkHostPackages('/var/lib/ablauf/worktrees/3f2a9c1b') // then compile it
 * ```
 */
export function linkHostPackages(dir: string): void {
  for (const { name, required } of LENT) {
    const target = path.join(dir, 'node_modules', ...name.split('/'))
    if (existsSync(target)) continue
    const root = hostPackageRoot(name)
    if (root === undefined) {
      if (required) throw new Error(`cannot find the ${name} package this program runs with`)
      continue
    }
    mkdirSync(path.dirname(target), { recursive: true })
    symlinkSync(root, target, 'dir')
  }
}

/** The folder of the package `name` as this program resolves it, or undefined. */
function hostPackageRoot(name: string): string | undefined {
  let entry: string
  try {
    entry = require.resolve(`${name}/package.json`)
  } catch {
    try {
      entry = require.resolve(name)
    } catch {
      return undefined
    }
  }
  for (let dir = path.dirname(entry); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json')
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === name) return dir
    if (path.dirname(dir) === dir) return undefined
  }
}
