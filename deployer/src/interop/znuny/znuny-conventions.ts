/**
 * What the exporter writes where Znuny needs a value Ablauf does not have, shared with the importer so
 * that these values read back as "nothing" and a definition survives export → import unchanged.
 */

/** Module names are written in full. */
export const TRANSITION_ACTION_MODULE_PREFIX = 'Kernel::System::ProcessManagement::TransitionAction::'

/** Znuny needs a condition on every transition; this one always holds (every ticket has a queue). */
export const ALWAYS_TRUE_FIELD = 'Queue'
export const ALWAYS_TRUE_MATCH = '.*'

/** TicketArticleCreate needs a history entry. */
export const ARTICLE_HISTORY = { HistoryType: 'AddNote', HistoryComment: 'Ablauf' } as const

/** LinkAdd's fixed keys: the current ticket is the link source. */
export const LINK_SOURCE = { SourceObject: 'Ticket', SourceKey: '<OTRS_TICKET_TicketID>', TargetObject: 'Ticket', State: 'Valid' } as const

/**
 * The Name an exported transition action gets when the action has no `name`: the module and its first
 * value, e.g. `TicketQueueSet: Hardware`. On import, this exact Name means "no name".
 */
export function defaultActionName(module: string, config: Record<string, unknown>): string {
  const first = Object.values(config).find((v) => typeof v === 'string' && v !== '')
  return (first === undefined ? module : `${module}: ${String(first)}`).slice(0, 200)
}
