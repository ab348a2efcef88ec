import { readdirSync, watch, type FSWatcher } from 'node:fs'
import path from 'node:path'
import type { CompileResult } from './compile-types.js'
import type { Compiler } from './create-compiler.js'

/** Options of {@link watchCompiler}. */
export interface WatchOptions {
  compiler: Compiler
  dir: string
  signal: AbortSignal
  /** Called after each rebuild with the changed files and how long it took. */
  onBuild: (result: CompileResult, changed: readonly string[], ms: number) => void
  onError: (err: unknown) => void
  /** Changes within this many milliseconds are built together; default 50. */
  debounceMs?: number
  /**
   * The first full build, run once the watchers are armed: a file saved while it runs (or right after
   * its result is printed) is built next, not lost.
   */
  initialBuild?: () => Promise<void>
}

const IGNORED_DIRS = new Set(['node_modules', '.ablauf', '.git', 'dist'])
const RELEVANT = /(\.ts|ablauf\.target\.json|tsconfig\.json|package\.json)$/

/**
 * Watches `dir` and rebuilds incrementally with `compiler.update(changed)`; one build at a time,
 * changes that arrive meanwhile go into the next. Resolves when `signal` aborts.
 */
export function watchCompiler(options: WatchOptions): Promise<void> {
  const pending = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let building = false

  const build = async (): Promise<void> => {
    if (building || pending.size === 0) return
    building = true
    const changed = [...pending]
    pending.clear()
    const started = performance.now()
    try {
      const result = await options.compiler.update(changed)
      options.onBuild(result, changed, performance.now() - started)
    } catch (err) {
      options.onError(err)
    } finally {
      building = false
      if (pending.size > 0) schedule()
    }
  }
  const schedule = (): void => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void build(), options.debounceMs ?? 50)
  }

  return new Promise((resolve) => {
    // One non-recursive watcher per directory: recursive fs.watch on Linux (Node 20) would walk
    // node_modules too, which is often a symlink into a whole workspace.
    const watchers = new Map<string, FSWatcher>()
    const watchTree = (dir: string): void => {
      if (watchers.has(dir)) return
      try {
        watchers.set(
          dir,
          watch(dir, (_event, name) => {
            if (name === null) return
            const file = path.join(dir, name.toString())
            if (RELEVANT.test(file)) {
              pending.add(file)
              schedule()
            } else if (!IGNORED_DIRS.has(name.toString())) {
              watchTree(file)
            }
          }),
        )
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          if (entry.isDirectory() && !IGNORED_DIRS.has(entry.name)) watchTree(path.join(dir, entry.name))
        }
      } catch {
        // Not a directory, or gone already.
        watchers.get(dir)?.close()
        watchers.delete(dir)
      }
    }
    watchTree(options.dir)
    if (options.initialBuild !== undefined) {
      building = true
      options
        .initialBuild()
        .catch(options.onError)
        .finally(() => {
          building = false
          if (pending.size > 0) schedule()
        })
    }
    const stop = (): void => {
      if (timer) clearTimeout(timer)
      for (const w of watchers.values()) w.close()
      resolve()
    }
    if (options.signal.aborted) stop()
    else options.signal.addEventListener('abort', stop, { once: true })
  })
}
