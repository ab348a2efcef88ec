import type { TicketChanges } from './runtime-types.js'
import type { StepContext } from './step-context.js'
import { applyChanges, hasChanges } from './ticket-fields.js'

/**
 * Applies changes to the working ticket, so later conditions of the same chain see them, and records
 * a `ticket.update` effect plus one `field.changed` row per field whose value really changed.
 */
export function updateTicket(ctx: StepContext, changes: TicketChanges): void {
  if (!hasChanges(changes)) return
  const { ticket, changed } = applyChanges(ctx.ticket, changes)
  ctx.ticket = ticket
  ctx.effects.push({ type: 'ticket.update', changes })
  for (const c of changed) ctx.history.push({ type: 'field.changed', at: ctx.at, field: c.field, from: c.from, to: c.to })
}
