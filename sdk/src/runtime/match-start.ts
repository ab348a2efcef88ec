import type { ProcessDefinition } from '../definition/index.js'
import { evaluateCondition } from './evaluate-condition.js'
import type { StartMatch, TicketSnapshot } from './runtime-types.js'

/**
 * Which process a new ticket starts: among the `active` processes that start on `ticket.created` and
 * whose `when` holds, the highest `start.priority`, then the lowest id. The others matched too and
 * belong in the ticket's history (a ticket runs one top-level process at a time).
 *
 * @example
 * ```ts
 * const { definition, others } = matchStart(activeDefinitions, ticket)
 * if (definition) start(definition, ticket, { instanceId, now })
 * ```
 */
export function matchStart(definitions: readonly ProcessDefinition[], ticket: TicketSnapshot): StartMatch {
  const matching = definitions
    .filter((d) => d.state === 'active' && d.start.on === 'ticket.created')
    .filter((d) => d.start.on !== 'ticket.created' || d.start.when === undefined || evaluateCondition(d.start.when, ticket))
    .sort((a, b) => b.start.priority - a.start.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const [definition, ...others] = matching
  return { definition, others }
}
