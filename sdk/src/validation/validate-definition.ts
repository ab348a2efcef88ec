import type { ProcessDefinition } from '../definition/definition-schema.js'
import type { Issue } from '../errors.js'
import type { TargetSnapshot } from '../target/target-schema.js'
import { actionRules } from './action-rules.js'
import { conditionRules } from './condition-rules.js'
import { dialogRules } from './dialog-rules.js'
import { graphRules } from './graph-rules.js'
import { idRules } from './id-rules.js'
import { sortIssues } from './issue-order.js'
import { practiceRules } from './practice-rules.js'
import { placeholderRules } from './placeholder-rules.js'
import { indexTarget, type Rule } from './rule-context.js'
import { subprocessRules } from './subprocess-rules.js'
import { taskRules } from './task-rules.js'

/**
 * What the semantic checks may use besides the definition.
 *
 * @example
 * ```ts
 * const options: ValidateOptions = { target: snapshot, definitions: allDefinitions }
 * ```
 */
export interface ValidateOptions {
  /** The target snapshot: enables the checks of queues, states, fields, scripts, web services, … */
  target?: TargetSnapshot
  /** The definitions deployed together: enables UNKNOWN_PROCESS and SUBPROCESS_CYCLE. */
  definitions?: readonly ProcessDefinition[]
}

const RULES: readonly Rule[] = [
  idRules,
  graphRules,
  dialogRules,
  conditionRules,
  actionRules,
  taskRules,
  placeholderRules,
  subprocessRules,
  practiceRules,
]

/**
 * The semantic problems of a parsed definition, sorted by path then code; pure and total. Errors
 * fail a compile or deployment, warnings (`MISSING_DESCRIPTION`, `NO_ERROR_PATH`) do not. Codes are
 * listed in {@link VALIDATION_CODES}.
 *
 * @example
 * ```ts
 * const issues = validateDefinition(def, { target })
 * // [{ code: 'UNKNOWN_QUEUE', path: ['transitions', 3, 'actions', 0, 'queue'],
 * //    message: 'unknown queue "Servce Desk" — did you mean "Service Desk"?', severity: 'error' }]
 * ```
 */
export function validateDefinition(def: ProcessDefinition, options: ValidateOptions = {}): Issue[] {
  const ctx = {
    def,
    target: options.target === undefined ? undefined : indexTarget(options.target),
    definitions: options.definitions,
  }
  return sortIssues(RULES.flatMap((rule) => rule(ctx)))
}
