import type { Logger } from 'pino'
import type { FieldValue, ProcessDefinition, Transition } from '@ablauf/sdk/definition'
import { applyChanges, changesFromValues, traceCondition, type HistoryEntry, type StepResult, type TicketSnapshot } from '@ablauf/sdk/runtime'

type FieldChanged = Extract<HistoryEntry, { type: 'field.changed' }>

/** The ticket with one field set; a value the core wrote is always valid, so failures leave it as is. */
function withField(ticket: TicketSnapshot, field: string, value: FieldValue): TicketSnapshot {
  try {
    return applyChanges(ticket, changesFromValues({ [field]: value })).ticket
  } catch {
    return ticket
  }
}

function candidates(definition: ProcessDefinition, from: string, onError: boolean): Transition[] {
  return definition.transitions.filter((t) => t.from === from && (t.on === 'error') === onError)
}

/**
 * Logs, for one step of a traced instance, every transition the core considered and (at `trace`)
 * each condition it evaluated, with the field values it saw. The pure core returns no trace, so the
 * step is replayed from its history: the ticket before the step is the result's ticket with the
 * `field.changed` rows undone, and walking the rows forward gives the ticket each choice saw.
 */
export function logStepTrace(log: Logger, definition: ProcessDefinition, result: StepResult): void {
  const changes = result.history.filter((h): h is FieldChanged => h.type === 'field.changed')
  let ticket = result.ticket
  for (const c of [...changes].reverse()) ticket = withField(ticket, c.field, c.from)

  const consider = (from: string, onError: boolean, taken: string | undefined): void => {
    for (const t of candidates(definition, from, onError)) {
      const trace = t.condition === undefined ? undefined : traceCondition(t.condition, ticket)
      const held = trace === undefined || trace.result
      if (trace !== undefined) log.trace({ transition: t.id, from: t.from, to: t.to, condition: trace }, 'condition evaluated')
      log.debug({ transition: t.id, from: t.from, to: t.to, holds: held, taken: t.id === taken }, 'transition considered')
      if (t.id === taken) return
    }
  }

  for (const entry of result.history) {
    if (entry.type === 'field.changed') ticket = withField(ticket, entry.field, entry.to)
    else if (entry.type === 'transition.taken') consider(entry.from, entry.on === 'error', entry.transition)
    else log.debug({ history: entry }, 'step history')
  }
  const { instance } = result
  const lastSubmit = result.history.findLastIndex((h) => h.type === 'dialog.submitted')
  const submittedInVain = lastSubmit >= 0 && !result.history.slice(lastSubmit).some((h) => h.type === 'transition.taken')
  const stuck = instance.incident?.code === 'NO_TRANSITION' || instance.waiting?.for === 'condition' || submittedInVain
  if (stuck && instance.activity !== null) consider(instance.activity, false, undefined)
}
