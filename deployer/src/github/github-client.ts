import { Octokit } from 'octokit'
import type { Logger } from 'pino'
import type { GitHubConfig } from './github-config.js'

/** An octokit bound to one repository. */
export interface GitHubRepo {
  octokit: Octokit
  owner: string
  repo: string
  logger: Logger
}

export interface GitHubClientOptions {
  logger: Logger
  /** GitHub asks integrators to pace writes; off only where no rate limit exists (a local test server). */
  throttle?: boolean
  fetch?: typeof fetch
}

/** An octokit for `config` that logs through pino (no console output). */
export function createGitHubRepo(config: GitHubConfig, options: GitHubClientOptions): GitHubRepo {
  const logger = options.logger.child({ component: 'github' })
  const octokit = new Octokit({
    auth: config.token,
    baseUrl: config.apiUrl,
    ...(options.fetch ? { request: { fetch: options.fetch } } : {}),
    ...(options.throttle === false ? { throttle: { enabled: false } } : {}),
    log: {
      debug: (message: string) => logger.debug({ message }, 'octokit'),
      info: (message: string) => logger.info({ message }, 'octokit'),
      warn: (message: string) => logger.warn({ message }, 'octokit'),
      error: (message: string) => logger.error({ message }, 'octokit'),
    },
  })
  return { octokit, owner: config.owner, repo: config.repo, logger }
}
