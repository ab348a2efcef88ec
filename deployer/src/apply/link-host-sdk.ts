import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * Makes `@ablauf/sdk` resolvable for the type-checker inside a checkout that has no `node_modules`
 * (a reconciler worktree, a fresh clone): links `<dir>/node_modules/@ablauf/sdk` to the sdk this
 * program runs with. Does nothing when the checkout brings its own.
 */
export function linkHostSdk(dir: string): void {
  const target = path.join(dir, 'node_modules', '@ablauf', 'sdk')
  if (existsSync(target)) return
  const sdkRoot = hostSdkRoot()
  mkdirSync(path.dirname(target), { recursive: true })
  symlinkSync(sdkRoot, target, 'dir')
}

function hostSdkRoot(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve('@ablauf/sdk'))
  for (;;) {
    const manifest = path.join(dir, 'package.json')
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === '@ablauf/sdk') return dir
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error('cannot find the @ablauf/sdk package this program runs with')
    dir = parent
  }
}
