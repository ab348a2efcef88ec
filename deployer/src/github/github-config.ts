import { z } from 'zod'

/** Where and as whom the deployer talks to GitHub. */
export interface GitHubConfig {
  token: string
  owner: string
  repo: string
  /** REST API root; GitHub Enterprise and tests set GITHUB_API_URL. */
  apiUrl: string
}

const envSchema = z.object({
  GITHUB_TOKEN: z.string().min(1),
  GITHUB_REPOSITORY: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'GITHUB_REPOSITORY must read owner/repo'),
  GITHUB_API_URL: z.url().default('https://api.github.com'),
})

/**
 * The GitHub configuration from GITHUB_TOKEN, GITHUB_REPOSITORY and GITHUB_API_URL, or null when token
 * or repository is missing (GitHub integration is then off). A malformed value throws a zod error.
 */
export function githubConfigFromEnv(env: Readonly<Record<string, string | undefined>>): GitHubConfig | null {
  const present = (k: string): string | undefined => (env[k] === '' ? undefined : env[k])
  if (present('GITHUB_TOKEN') === undefined || present('GITHUB_REPOSITORY') === undefined) return null
  const parsed = envSchema.parse({
    GITHUB_TOKEN: present('GITHUB_TOKEN'),
    GITHUB_REPOSITORY: present('GITHUB_REPOSITORY'),
    GITHUB_API_URL: present('GITHUB_API_URL'),
  })
  const [owner, repo] = parsed.GITHUB_REPOSITORY.split('/') as [string, string]
  return { token: parsed.GITHUB_TOKEN, owner, repo, apiUrl: parsed.GITHUB_API_URL.replace(/\/$/, '') }
}
