import { simpleGit } from 'simple-git'
import type { DeploymentSource } from '../engine-client/index.js'

/** Where `ablauf apply` takes commit, ref and author from, strongest first: flags, GitHub env, git. */
export interface SourceInputs {
  /** The directory whose git repository is asked (usually `--dir`). */
  dir: string
  flags?: Partial<DeploymentSource>
  env?: Readonly<Record<string, string | undefined>>
}

/**
 * The `source` of a deployment: `--commit/--ref/--author` flags, else `GITHUB_SHA`, `GITHUB_REF`,
 * `GITHUB_ACTOR`, else the git repository of `dir` (HEAD, its branch, its author). Outside git and
 * without flags the parts read `unknown`.
 *
 * @example
 * ```ts
 * await resolveDeploymentSource({ dir: 'processes', env: process.env })
 * // { commit: '3f2a…', ref: 'refs/heads/main', author: 'Ada <ada@example.org>' }
 * ```
 */
export async function resolveDeploymentSource(inputs: SourceInputs): Promise<DeploymentSource> {
  const env = inputs.env ?? {}
  const fromEnv: Partial<DeploymentSource> = {
    commit: nonEmpty(env['GITHUB_SHA']),
    ref: nonEmpty(env['GITHUB_REF']),
    author: nonEmpty(env['GITHUB_ACTOR']),
  }
  const picked = { ...fromEnv, ...defined(inputs.flags ?? {}) }
  if (picked.commit && picked.ref && picked.author) return picked as DeploymentSource
  const fromGit = await readGit(inputs.dir)
  return {
    commit: picked.commit ?? fromGit.commit ?? 'unknown',
    ref: picked.ref ?? fromGit.ref ?? 'unknown',
    author: picked.author ?? fromGit.author ?? 'unknown',
  }
}

async function readGit(dir: string): Promise<Partial<DeploymentSource>> {
  const git = simpleGit({ baseDir: dir })
  try {
    if (!(await git.checkIsRepo())) return {}
    const commit = (await git.revparse(['HEAD'])).trim()
    const branch = (await git.revparse(['--abbrev-ref', 'HEAD'])).trim()
    const author = (await git.raw(['log', '-1', '--format=%an <%ae>'])).trim()
    return { commit, ref: branch === 'HEAD' ? commit : `refs/heads/${branch}`, author }
  } catch {
    return {}
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim()
}

function defined(flags: Partial<DeploymentSource>): Partial<DeploymentSource> {
  return Object.fromEntries(Object.entries(flags).filter(([, v]) => nonEmpty(v) !== undefined)) as Partial<DeploymentSource>
}
