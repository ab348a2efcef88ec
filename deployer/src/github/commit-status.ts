import { z } from 'zod'
import type { GitHubRepo } from './github-client.js'

/** The states of a GitHub commit status. */
export type CommitState = 'pending' | 'success' | 'failure' | 'error'

export interface CommitStatusInput {
  sha: string
  state: CommitState
  description: string
  /** Default `ablauf/deploy`. */
  context?: string
  targetUrl?: string
}

const statusSchema = z.looseObject({ id: z.number().int(), state: z.string() })

/**
 * Posts a commit status (`POST /repos/{owner}/{repo}/statuses/{sha}`), so the commit shows whether
 * Ablauf deployed it. GitHub caps descriptions at 140 characters; longer ones are shortened.
 */
export async function postCommitStatus(gh: GitHubRepo, input: CommitStatusInput): Promise<{ id: number; state: string }> {
  const description = input.description.length > 140 ? `${input.description.slice(0, 139)}…` : input.description
  const r = await gh.octokit.rest.repos.createCommitStatus({
    owner: gh.owner,
    repo: gh.repo,
    sha: input.sha,
    state: input.state,
    description,
    context: input.context ?? 'ablauf/deploy',
    ...(input.targetUrl ? { target_url: input.targetUrl } : {}),
  })
  const status = statusSchema.parse(r.data)
  gh.logger.info({ sha: input.sha, state: input.state }, 'commit status posted')
  return status
}
