import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'

/** The file name of process modules. */
export const PROCESS_FILE_SUFFIX = '.process.ts'
/** The generated target types that augment the sdk's `Register`. */
export const TARGET_TYPES_FILE = 'ablauf-target.d.ts'
/** The committed target snapshot of a process repository. */
export const TARGET_SNAPSHOT_FILE = 'ablauf.target.json'

const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.ablauf', '.git'])

/** Every `*.process.ts` below `dir`, sorted, skipping `node_modules`, `dist` and `.ablauf`. */
export function findProcessFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(path.join(d, entry.name))
      } else if (entry.name.endsWith(PROCESS_FILE_SUFFIX)) {
        out.push(path.join(d, entry.name))
      }
    }
  }
  walk(dir)
  return out.sort()
}

/**
 * NodeNext specifiers (`./helpers.js`) name the `.ts` source; `./helpers` and `./dir` (index.ts)
 * work too. `undefined` when nothing matches.
 */
export function resolveRelative(fromDir: string, specifier: string): string | undefined {
  const base = path.resolve(fromDir, specifier)
  const candidates = [base]
  if (/\.[cm]?js$/.test(base)) candidates.unshift(base.replace(/\.([cm]?)js$/, '.$1ts'))
  else candidates.push(`${base}.ts`, path.join(base, 'index.ts'))
  return candidates.find((c) => /\.([cm]?ts|json)$/.test(c) && !c.endsWith('.d.ts') && existsSync(c))
}
