import { simpleGit } from 'simple-git'

/** Options of {@link watchGitHead}. */
export interface GitHeadWatchOptions {
  /** A directory inside the repository. */
  dir: string
  signal: AbortSignal
  /** How often `git rev-parse HEAD` is asked (ms). */
  intervalMs: number
  /** HEAD moved (a commit, checkout, pull, reset); `from` is undefined when there was no commit before. */
  onChange: (to: string, from: string | undefined) => Promise<void> | void
  onError: (err: unknown) => void
}

/**
 * Polls the HEAD commit of the git repository around `dir` and reports each move, one at a time
 * (the next poll waits for `onChange`). Polling, not a watch on `.git/`: HEAD moves by refs,
 * packed refs and worktrees alike, and a poll every few seconds costs one tiny git call.
 * Resolves when `signal` aborts; outside a repository it simply never reports.
 */
export async function watchGitHead(options: GitHeadWatchOptions): Promise<void> {
  const git = simpleGit({ baseDir: options.dir })
  const head = async (): Promise<string | undefined> => {
    try {
      return (await git.revparse(['HEAD'])).trim()
    } catch {
      return undefined
    }
  }
  let last = await head()
  while (!options.signal.aborted) {
    await sleep(options.intervalMs, options.signal)
    if (options.signal.aborted) break
    const now = await head()
    if (now === undefined || now === last) continue
    const from = last
    last = now
    try {
      await options.onChange(now, from)
    } catch (err) {
      options.onError(err)
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
  })
}
