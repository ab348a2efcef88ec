import { watch } from 'node:fs'
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
}

const IGNORED = /(^|[/\\])(node_modules|\.ablauf|\.git|dist)([/\\]|$)/
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
    const watcher = watch(options.dir, { recursive: true }, (_event, name) => {
      if (name === null) return
      const rel = name.toString()
      if (IGNORED.test(rel) || !RELEVANT.test(rel)) return
      pending.add(path.join(options.dir, rel))
      schedule()
    })
    const stop = (): void => {
      if (timer) clearTimeout(timer)
      watcher.close()
      resolve()
    }
    if (options.signal.aborted) stop()
    else options.signal.addEventListener('abort', stop, { once: true })
  })
}
