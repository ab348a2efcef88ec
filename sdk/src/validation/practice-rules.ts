import type { Issue } from '../errors.js'
import { warning, type RuleContext } from './rule-context.js'

/**
 * Warnings for the seed's best practices: describe every activity and transition, and give every
 * service task an error path (otherwise a failed call becomes an incident an operator must retry).
 */
export function practiceRules({ def }: RuleContext): Issue[] {
  const out: Issue[] = []
  def.activities.forEach((a, i) => {
    if (!a.description?.trim()) {
      out.push(warning('MISSING_DESCRIPTION', ['activities', i], `activity "${a.id}" has no description; say what happens here and why`))
    }
    if (a.kind === 'service' && !def.transitions.some((t) => t.from === a.id && t.on === 'error')) {
      out.push(warning('NO_ERROR_PATH', ['activities', i], `service task "${a.id}" has no on: "error" transition, so a failed call stops the process as an incident; add an error path`))
    }
  })
  def.transitions.forEach((t, j) => {
    if (!t.description?.trim()) {
      out.push(warning('MISSING_DESCRIPTION', ['transitions', j], `transition "${t.id}" has no description; say when it is taken and why`))
    }
  })
  return out
}
