import path from 'node:path'
import { simpleGit } from 'simple-git'

/** The top folder of the git repository around `dir`, or `dir` itself outside git. */
export async function repoRoot(dir: string): Promise<string> {
  try {
    const top = (await simpleGit({ baseDir: dir }).revparse(['--show-toplevel'])).trim()
    return top === '' ? dir : top
  } catch {
    return dir
  }
}

/**
 * The files under `dir` (absolute) that differ between two commits, for an incremental rebuild
 * after HEAD moved; undefined when git cannot tell (then rebuild everything).
 */
export async function filesChangedBetween(dir: string, from: string | undefined, to: string): Promise<string[] | undefined> {
  if (from === undefined) return undefined
  try {
    const git = simpleGit({ baseDir: dir })
    const top = (await git.revparse(['--show-toplevel'])).trim()
    const names = await git.raw(['diff', '--name-only', from, to, '--', '.'])
    return names.split('\n').filter((n) => n !== '').map((n) => path.join(top, n))
  } catch {
    return undefined
  }
}
