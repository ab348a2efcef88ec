import { z } from 'zod'
import { GITHUB_COMMENT_LIMIT, splitMarkdown } from './comment-split.js'
import type { GitHubRepo } from './github-client.js'

/** The marker that makes a pull request comment Ablauf's plan comment. */
export const PLAN_COMMENT_MARKER = '<!-- ablauf-plan -->'

const commentSchema = z.looseObject({ id: z.number().int(), body: z.string().nullish() })
const commentsSchema = z.array(commentSchema)

/** What happened to the marked comments. */
export interface CommentSync {
  created: number[]
  updated: number[]
  unchanged: number[]
  deleted: number[]
}

/**
 * Finds Ablauf's marked plan comment on pull request `pr` and updates it in place, or creates it once.
 * A plan over GitHub's 65,536-character limit becomes several marked parts, in order; parts that are no
 * longer needed are deleted, so the pull request always shows exactly the current plan.
 */
export async function upsertPlanComment(gh: GitHubRepo, pr: number, markdown: string, limit = GITHUB_COMMENT_LIMIT): Promise<CommentSync> {
  const header = (i: number, n: number): string => (n === 1 ? `${PLAN_COMMENT_MARKER}\n` : `${PLAN_COMMENT_MARKER}\n<!-- ablauf-plan part ${i}/${n} -->\n`)
  const budget = limit - header(99, 99).length - 16
  const pieces = splitMarkdown(markdown, budget)
  const bodies = pieces.map((p, i) => `${header(i + 1, pieces.length)}${p}`)
  const existing = await listMarked(gh, pr)
  const sync: CommentSync = { created: [], updated: [], unchanged: [], deleted: [] }
  for (const [i, body] of bodies.entries()) {
    const old = existing[i]
    if (old === undefined) {
      const r = await gh.octokit.rest.issues.createComment({ owner: gh.owner, repo: gh.repo, issue_number: pr, body })
      sync.created.push(commentSchema.parse(r.data).id)
    } else if (old.body === body) {
      sync.unchanged.push(old.id)
    } else {
      await gh.octokit.rest.issues.updateComment({ owner: gh.owner, repo: gh.repo, comment_id: old.id, body })
      sync.updated.push(old.id)
    }
  }
  for (const extra of existing.slice(bodies.length)) {
    await gh.octokit.rest.issues.deleteComment({ owner: gh.owner, repo: gh.repo, comment_id: extra.id })
    sync.deleted.push(extra.id)
  }
  gh.logger.info({ pr, parts: bodies.length, ...counts(sync) }, 'plan comment synced')
  return sync
}

/** The marked comments of a pull request (all pages), in part order, then creation order. */
async function listMarked(gh: GitHubRepo, pr: number): Promise<{ id: number; body: string }[]> {
  const raw: unknown = await gh.octokit.paginate(gh.octokit.rest.issues.listComments, {
    owner: gh.owner,
    repo: gh.repo,
    issue_number: pr,
    per_page: 100,
  })
  const marked = commentsSchema
    .parse(raw)
    .flatMap((c) => (c.body?.startsWith(PLAN_COMMENT_MARKER) ? [{ id: c.id, body: c.body }] : []))
  const part = (body: string): number => Number(/<!-- ablauf-plan part (\d+)\/\d+ -->/.exec(body)?.[1] ?? 1)
  return marked.sort((a, b) => part(a.body) - part(b.body) || a.id - b.id)
}

function counts(sync: CommentSync): Record<keyof CommentSync, number> {
  return { created: sync.created.length, updated: sync.updated.length, unchanged: sync.unchanged.length, deleted: sync.deleted.length }
}
