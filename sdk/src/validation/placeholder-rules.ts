import { parsePlaceholders, placeholderProblem, PERSON_PLACEHOLDER_FIELDS, PLACEHOLDER_ROOTS, PROCESS_PLACEHOLDER_FIELDS, TICKET_PLACEHOLDER_FIELDS } from '../definition/placeholders.js'
import type { Issue } from '../errors.js'
import { textsOf } from './definition-walk.js'
import { error, type IssuePath, type RuleContext, type TargetIndex } from './rule-context.js'
import { suggest, unknownMessage } from './suggest.js'

/**
 * Placeholders in action texts and service inputs are well-formed; with a target, the dynamic fields
 * they name exist.
 */
export function placeholderRules({ def, target }: RuleContext): Issue[] {
  return textsOf(def).flatMap(({ value, path }) => checkPlaceholders(value, path, target))
}

/** The placeholders of one text: each well-formed, each dynamic field known to `target` (when given). */
export function checkPlaceholders(text: string, path: IssuePath, target: TargetIndex | undefined): Issue[] {
  const out: Issue[] = []
  let rest = text
  for (const p of parsePlaceholders(text)) {
    rest = rest.replace(p.raw, '')
    const problem = placeholderProblem(p.path)
    if (problem !== undefined) {
      out.push(error('PLACEHOLDER_INVALID', path, `${p.raw}: ${withHint(problem, p.path)}`))
      continue
    }
    const [root, first, name] = p.path
    if (target !== undefined && root === 'ticket' && first === 'DynamicField' && name !== undefined && !target.dynamicFields.has(name)) {
      out.push(error('UNKNOWN_FIELD', path, `${p.raw}: ${unknownMessage('dynamic field', name, target.dynamicFields.keys())}`))
    }
  }
  if (rest.includes('{{') || rest.includes('}}')) {
    out.push(error('PLACEHOLDER_INVALID', path, 'unbalanced braces: a placeholder is written {{root.Field}}, e.g. {{ticket.Title}}'))
  }
  return out
}

/** Adds a did-you-mean to a shape problem when a known root or field is close. */
function withHint(problem: string, path: readonly string[]): string {
  const [root = '', field = ''] = path
  const known = (PLACEHOLDER_ROOTS as readonly string[]).includes(root)
  const hint = !known
    ? suggest(root, PLACEHOLDER_ROOTS)
    : suggest(field, root === 'ticket' ? [...TICKET_PLACEHOLDER_FIELDS, 'DynamicField'] : root === 'process' ? PROCESS_PLACEHOLDER_FIELDS : PERSON_PLACEHOLDER_FIELDS)
  return hint === undefined || hint === field ? problem : `${problem} — did you mean "${hint}"?`
}
