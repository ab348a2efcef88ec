import type { Logger } from 'pino'
import { createGitHubRepo } from './github-client.js'
import type { GitHubConfig } from './github-config.js'
import { postCommitStatus, type CommitState } from './commit-status.js'

/** Reports deployment results on commits; a no-op without GitHub configuration. */
export interface StatusReporter {
  readonly enabled: boolean
  report(sha: string, state: CommitState, description: string): Promise<void>
}

/**
 * A reporter that posts commit statuses when `config` is set. GitHub being down must not fail or undo a
 * deployment, so failures to post are logged, not thrown.
 */
export function createStatusReporter(config: GitHubConfig | null, options: { logger: Logger; throttle?: boolean; targetUrl?: string }): StatusReporter {
  if (config === null) return { enabled: false, report: async () => {} }
  const gh = createGitHubRepo(config, { logger: options.logger, ...(options.throttle === undefined ? {} : { throttle: options.throttle }) })
  return {
    enabled: true,
    async report(sha, state, description) {
      if (!/^[0-9a-f]{40}$/.test(sha)) {
        gh.logger.warn({ sha }, 'not a commit sha, no commit status posted')
        return
      }
      try {
        await postCommitStatus(gh, { sha, state, description, ...(options.targetUrl ? { targetUrl: options.targetUrl } : {}) })
      } catch (err) {
        gh.logger.warn({ err, sha, state }, 'could not post commit status')
      }
    },
  }
}
