import { pino } from 'pino'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createGitHubRepo, type GitHubRepo } from './github-client.js'
import { githubConfigFromEnv } from './github-config.js'
import { PLAN_COMMENT_MARKER, upsertPlanComment } from './plan-comment.js'
import { postCommitStatus } from './commit-status.js'
import { GITHUB_COMMENT_LIMIT, splitMarkdown } from './comment-split.js'
import { startLocalGitHub, type LocalGitHub } from './testing/local-github-server.js'

const logger = pino({ level: 'silent' })
let server: LocalGitHub
let gh: GitHubRepo

beforeEach(async () => {
  server = await startLocalGitHub({ owner: 'acme', repo: 'processes' })
  const config = githubConfigFromEnv({ GITHUB_TOKEN: 't0ken', GITHUB_REPOSITORY: 'acme/processes', GITHUB_API_URL: server.url })
  gh = createGitHubRepo(config!, { logger, throttle: false })
})
afterEach(() => server.close())

function addOtherComments(issue: number, count: number): void {
  for (let i = 0; i < count; i++) server.comments.push({ id: i + 1, issue, body: `a review remark ${i}` })
}

/** A plan over GitHub's limit: many lines, with a Mermaid fence in the middle that a cut may split. */
function hugePlan(lines: number): string {
  const body = Array.from({ length: lines }, (_, i) => `| ✏️ | transition t-${i} (a → b) | condition, actions, order |`)
  const fence = ['```mermaid', 'flowchart TD', ...Array.from({ length: 2000 }, (_, i) => `  a${i} --> a${i + 1}`), '```']
  return ['1 to create, 0 to update, 0 to fade away — no running tickets on old versions', ...body.slice(0, lines / 2), ...fence, ...body.slice(lines / 2)].join('\n')
}

describe('upsertPlanComment', () => {
  test('creates the marked comment once, then updates it in place (past a page of other comments)', async () => {
    addOtherComments(7, 150)
    const first = await upsertPlanComment(gh, 7, 'plan one')
    expect(first.created).toHaveLength(1)
    const second = await upsertPlanComment(gh, 7, 'plan two')
    expect(second).toEqual({ created: [], updated: first.created, unchanged: [], deleted: [] })
    const marked = server.comments.filter((c) => c.body.startsWith(PLAN_COMMENT_MARKER))
    expect(marked).toHaveLength(1)
    expect(marked[0]!.body).toBe(`${PLAN_COMMENT_MARKER}\nplan two`)
    expect(server.comments).toHaveLength(151)
    expect(server.requests.some((r) => r.includes('page=2'))).toBe(true)
    expect(server.auth.every((a) => a === 'token t0ken')).toBe(true)
    const third = await upsertPlanComment(gh, 7, 'plan two')
    expect(third.unchanged).toEqual(first.created)
  })

  test('splits a plan over 65,536 characters into marked parts, and removes parts no longer needed', async () => {
    const text = hugePlan(3000)
    expect(text.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT * 2)
    const sync = await upsertPlanComment(gh, 9, text)
    const parts = server.comments.filter((c) => c.issue === 9).sort((a, b) => a.id - b.id)
    expect(sync.created.length).toBe(parts.length)
    expect(parts.length).toBeGreaterThanOrEqual(3)
    for (const [i, part] of parts.entries()) {
      expect(part.body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT)
      expect(part.body.startsWith(`${PLAN_COMMENT_MARKER}\n<!-- ablauf-plan part ${i + 1}/${parts.length} -->\n`)).toBe(true)
      expect((part.body.match(/^```/gm) ?? []).length % 2).toBe(0)
    }
    const shorter = await upsertPlanComment(gh, 9, 'now a short plan')
    expect(shorter.updated).toEqual([parts[0]!.id])
    expect(shorter.deleted).toEqual(parts.slice(1).map((p) => p.id))
    expect(server.comments.filter((c) => c.issue === 9).map((c) => c.body)).toEqual([`${PLAN_COMMENT_MARKER}\nnow a short plan`])
  })

  test('splitting keeps every line and the text reads the same once the parts are joined', () => {
    const text = hugePlan(3000)
    const parts = splitMarkdown(text, 60_000)
    const rejoined = parts
      .map((p, i) => (i === 0 ? p : p.replace(/^```mermaid\n/, '')))
      .map((p, i) => (i === parts.length - 1 ? p : p.replace(/\n```$/, '')))
    expect(rejoined.join('\n').replace(/\n```\n```mermaid/g, '')).toBe(text)
  })
})

describe('postCommitStatus', () => {
  test('posts the state on the sha', async () => {
    const sha = 'a'.repeat(40)
    await postCommitStatus(gh, { sha, state: 'success', description: 'Ablauf deployed dep-3'.padEnd(200, '.') })
    expect(server.statuses).toEqual([{ sha, state: 'success', description: expect.stringMatching(/^Ablauf deployed dep-3\.+…$/) as unknown, context: 'ablauf/deploy' }])
    expect(server.statuses[0]!.description.length).toBe(140)
  })
})

describe('githubConfigFromEnv', () => {
  test('is off without token or repository, and defaults the API URL', () => {
    expect(githubConfigFromEnv({ GITHUB_REPOSITORY: 'a/b' })).toBeNull()
    expect(githubConfigFromEnv({ GITHUB_TOKEN: 'x', GITHUB_REPOSITORY: 'a/b' })).toEqual({ token: 'x', owner: 'a', repo: 'b', apiUrl: 'https://api.github.com' })
  })
})
