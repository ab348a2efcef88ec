import type { z } from 'zod'
import { zodIssues } from '@ablauf/sdk/definition'
import { AblaufError } from '@ablauf/sdk/errors'

/** Parses a request part (body, params, query) with zod; throws BAD_REQUEST listing every issue. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'params' | 'query'): z.output<S> {
  const r = schema.safeParse(value)
  if (r.success) return r.data
  const issues = zodIssues(r.error).map((i) => ({ ...i, path: [where, ...i.path] }))
  const first = issues[0]
  const summary = first === undefined ? '' : `: ${first.path.join('.')}: ${first.message}`
  throw new AblaufError('BAD_REQUEST', `invalid request ${where}${summary}`, { issues })
}
