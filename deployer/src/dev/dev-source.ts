import { simpleGit } from 'simple-git'
import { resolveDeploymentSource } from '../apply/index.js'
import type { DeploymentSource } from '../engine-client/index.js'

/** The suffix of a source commit whose process files have uncommitted changes (as `git describe --dirty`). */
export const DIRTY_SUFFIX = '-dirty'

/**
 * The `source` of a dev deployment: HEAD, its branch and author from the git repository of `dir`,
 * the commit marked `<sha>-dirty` when files under `dir` differ from HEAD (changed, staged or
 * untracked). Outside git every part reads `unknown`. GitHub's CI variables are ignored on purpose:
 * what runs is the local working tree.
 */
export async function readDevSource(dir: string): Promise<DeploymentSource> {
  const source = await resolveDeploymentSource({ dir })
  if (source.commit === 'unknown') return source
  return (await isDirty(dir)) ? { ...source, commit: `${source.commit}${DIRTY_SUFFIX}` } : source
}

async function isDirty(dir: string): Promise<boolean> {
  try {
    const status = await simpleGit({ baseDir: dir }).status(['--', '.'])
    return !status.isClean()
  } catch {
    return false
  }
}
