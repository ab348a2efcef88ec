import type { ProcessDefinition } from '../definition/definition-schema.js'
import { parseDefinition } from '../definition/parse-definition.js'
import type { Issue } from '../errors.js'
import { hasErrors, sortIssues } from './issue-order.js'
import { error } from './rule-context.js'
import { validateDefinition, type ValidateOptions } from './validate-definition.js'

/**
 * The outcome of checking untrusted input: `ok` when there is no error (warnings allowed).
 *
 * @example
 * ```ts
 * const r: CheckResult = checkDefinition(body)
 * if (r.ok && r.definition) store(r.definition)
 * ```
 */
export interface CheckResult {
  ok: boolean
  /** The parsed definition, present whenever the schema accepted the input. */
  definition?: ProcessDefinition
  /** Schema issues (`SCHEMA_*`) when the schema rejected the input, otherwise the semantic issues. */
  issues: Issue[]
}

/**
 * Parses unknown input with the definition schema, then runs the semantic checks; never throws.
 * When the schema rejects the input, every schema issue is returned with its path and the semantic
 * checks do not run (they need a well-formed definition).
 *
 * @example
 * ```ts
 * const r = checkDefinition(JSON.parse(text), { target })
 * if (!r.ok) for (const i of r.issues) console.error(`${i.path.join('.')}: ${i.code} ${i.message}`)
 * ```
 */
export function checkDefinition(input: unknown, options: ValidateOptions = {}): CheckResult {
  try {
    const parsed = parseDefinition(input)
    if (!parsed.ok) return { ok: false, issues: sortIssues(parsed.issues) }
    const issues = validateDefinition(parsed.value, options)
    return { ok: !hasErrors(issues), definition: parsed.value, issues }
  } catch (err) {
    // Input nested deeply enough to exhaust the stack ends here instead of crashing the caller.
    const why = err instanceof Error ? err.message : String(err)
    return { ok: false, issues: [error('CHECK_FAILED', [], `the definition could not be checked: ${why}; is it nested too deeply?`)] }
  }
}
