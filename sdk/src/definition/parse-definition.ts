import type { z } from 'zod'
import type { Issue } from '../errors.js'
import { processDefinitionSchema, type ProcessDefinition } from './definition-schema.js'

/** The result of parsing untrusted input: the definition, or every issue with its path. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[] }

/** Turns zod issues into Ablauf issues (code `SCHEMA_<zod code>`, JSON path, message). */
export function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({
    code: `SCHEMA_${i.code.toUpperCase()}`,
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: i.message,
    severity: 'error' as const,
  }))
}

/**
 * Parses unknown input as a canonical process definition; never throws.
 *
 * @example
 * ```ts
 * const r = parseDefinition(JSON.parse(text))
 * if (!r.ok) for (const i of r.issues) console.error(i.path.join('.'), i.message)
 * ```
 */
export function parseDefinition(input: unknown): ParseResult<ProcessDefinition> {
  const r = processDefinitionSchema.safeParse(input)
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: zodIssues(r.error) }
}
