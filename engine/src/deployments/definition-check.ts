import { hasErrors, parseDefinition, validateDefinitions, type ProcessDefinition } from '@ablauf/sdk'
import { AblaufError, type Issue } from '@ablauf/sdk/errors'
import type { TargetSnapshot } from '@ablauf/sdk/target'

/** The problems of one definition of a deployment. */
export interface DefinitionProblems {
  index: number
  id: string | null
  issues: Issue[]
}

/**
 * Parses and validates every definition of a deployment against the engine's target and against each
 * other (the engine's authoritative check). Throws DEFINITION_INVALID listing every failing definition.
 */
export function checkDeploymentDefinitions(inputs: readonly unknown[], target: TargetSnapshot): ProcessDefinition[] {
  const problems: DefinitionProblems[] = []
  const parsed: ProcessDefinition[] = []
  inputs.forEach((input, index) => {
    const r = parseDefinition(input)
    if (r.ok) parsed.push(r.value)
    else problems.push({ index, id: idOf(input), issues: r.issues })
  })
  if (problems.length === 0) {
    try {
      for (const result of validateDefinitions(parsed, { target })) {
        if (hasErrors(result.issues)) problems.push({ index: result.index, id: result.id, issues: result.issues.filter((i) => i.severity !== 'warning') })
      }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      problems.push({ index: 0, id: null, issues: [{ code: 'CHECK_FAILED', path: [], message: `the definitions could not be checked: ${message}` }] })
    }
  }
  if (problems.length > 0) {
    const count = problems.reduce((n, p) => n + p.issues.length, 0)
    const first = problems[0]?.issues[0]
    const where = problems[0] === undefined ? '' : ` (first: definitions[${problems[0].index}]${first ? ` ${first.path.join('.')}: ${first.message}` : ''})`
    throw new AblaufError(
      'DEFINITION_INVALID',
      `${problems.length} of ${inputs.length} definitions are invalid, ${count} problems; nothing was deployed${where}`,
      { definitions: problems },
    )
  }
  return parsed
}

function idOf(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null
  const id = (input as { id?: unknown }).id
  return typeof id === 'string' ? id : null
}
