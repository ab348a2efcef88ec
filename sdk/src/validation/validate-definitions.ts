import type { ProcessDefinition } from '../definition/definition-schema.js'
import type { Issue } from '../errors.js'
import type { TargetSnapshot } from '../target/target-schema.js'
import { sortIssues } from './issue-order.js'
import { error } from './rule-context.js'
import { validateDefinition } from './validate-definition.js'

/**
 * The issues of one definition of a set, at its position in the input.
 *
 * @example
 * ```ts
 * for (const { id, index, issues } of validateDefinitions(defs)) report(files[index], id, issues)
 * ```
 */
export interface DefinitionIssues {
  /** The process id. */
  id: string
  /** The position in the input array (ids may repeat; positions do not). */
  index: number
  issues: Issue[]
}

/**
 * Validates a set of definitions deployed together: each one on its own and against the others —
 * duplicate process ids, sub-processes naming processes outside the set, sub-process cycles.
 *
 * @example
 * ```ts
 * const results = validateDefinitions(defs, { target })
 * const failed = results.filter((r) => hasErrors(r.issues))
 * ```
 */
export function validateDefinitions(defs: readonly ProcessDefinition[], options: { target?: TargetSnapshot } = {}): DefinitionIssues[] {
  const firstAt = new Map<string, number>()
  return defs.map((def, index) => {
    const issues = validateDefinition(def, { ...options, definitions: defs })
    const first = firstAt.get(def.id)
    if (first === undefined) firstAt.set(def.id, index)
    else issues.push(error('DUPLICATE_ID', ['id'], `process id "${def.id}" is already used by definition ${first + 1} of this set; give each process its own id`))
    return { id: def.id, index, issues: sortIssues(issues) }
  })
}
