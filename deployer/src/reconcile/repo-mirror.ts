import { existsSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { simpleGit, type SimpleGit } from 'simple-git'
import type { Logger } from 'pino'

/** A checked-out commit in a clean worktree; dispose removes it. */
export interface Checkout {
  dir: string
  dispose(): Promise<void>
}

/** What the reconciler needs from git. */
export interface RepoMirror {
  /** Fetches the branch and returns its head commit. */
  fetchHead(): Promise<string>
  /** When the commit was made (committer date) and by whom. */
  commitInfo(sha: string): Promise<{ author: string; committedAt: Date }>
  checkout(sha: string): Promise<Checkout>
}

export interface RepoMirrorOptions {
  /** A URL or a local path of the process repository. */
  repo: string
  branch: string
  /** The cache folder; the mirror lives in `<cacheDir>/repo.git`, worktrees in `<cacheDir>/worktrees`. */
  cacheDir: string
  logger: Logger
}

/**
 * A bare clone of the process repository kept in a cache folder (simple-git). Each commit is checked out
 * into its own clean worktree, so nothing left over from an earlier commit can leak into a build.
 */
export function createRepoMirror(options: RepoMirrorOptions): RepoMirror {
  const bare = path.join(options.cacheDir, 'repo.git')
  const worktrees = path.join(options.cacheDir, 'worktrees')
  const remote = /^[a-z][a-z0-9+.-]*:\/\//i.test(options.repo) || options.repo.includes('@') ? options.repo : path.resolve(options.repo)
  const log = options.logger.child({ component: 'repo-mirror' })
  let git: SimpleGit | undefined
  let counter = 0

  const ready = async (): Promise<SimpleGit> => {
    if (git) return git
    await mkdir(options.cacheDir, { recursive: true })
    if (!existsSync(path.join(bare, 'HEAD'))) {
      log.info({ repo: remote }, 'cloning')
      await simpleGit({ baseDir: options.cacheDir }).clone(remote, bare, ['--bare', '--no-tags'])
    }
    git = simpleGit({ baseDir: bare })
    return git
  }

  return {
    async fetchHead() {
      const g = await ready()
      await g.fetch(remote, `+refs/heads/${options.branch}:refs/heads/${options.branch}`, ['--no-tags', '--prune'])
      return (await g.revparse([`refs/heads/${options.branch}`])).trim()
    },
    async commitInfo(sha) {
      const g = await ready()
      const [author = '', seconds = '0'] = (await g.raw(['show', '-s', '--format=%an <%ae>%x00%ct', sha])).trim().split('\0')
      return { author, committedAt: new Date(Number(seconds) * 1000) }
    },
    async checkout(sha) {
      const g = await ready()
      const dir = path.join(worktrees, `${sha.slice(0, 12)}-${process.pid}-${++counter}`)
      await mkdir(worktrees, { recursive: true })
      await g.raw(['worktree', 'prune'])
      await g.raw(['worktree', 'add', '--detach', '--force', dir, sha])
      return {
        dir,
        async dispose() {
          await g.raw(['worktree', 'remove', '--force', dir]).catch(() => undefined)
          await rm(dir, { recursive: true, force: true })
        },
      }
    },
  }
}
