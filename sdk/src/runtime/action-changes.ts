import type { TransitionAction } from '../definition/index.js'
import type { TicketChanges } from './runtime-types.js'
import { render, type StepContext } from './step-context.js'

/** The ticket changes of a field-setting action, or `undefined` for actions that produce other effects. */
export function actionChanges(ctx: StepContext, action: TransitionAction): TicketChanges | undefined {
  const fields = (f: TicketChanges['fields']): TicketChanges => ({ fields: f, dynamicFields: {} })
  switch (action.type) {
    case 'setQueue':
      return fields({ Queue: action.queue })
    case 'setState':
      return fields({ State: action.state, ...pendingTime(ctx, action) })
    case 'setPriority':
      return fields({ Priority: action.priority })
    case 'setOwner':
      return fields({ Owner: action.user })
    case 'setResponsible':
      return fields({ Responsible: action.user })
    case 'setTitle':
      return fields({ Title: render(ctx, action.title) })
    case 'setType':
      return fields({ Type: action.ticketType })
    case 'setService':
      return fields({ Service: action.service })
    case 'setSLA':
      return fields({ SLA: action.sla })
    case 'setLock':
      return fields({ Lock: action.lock })
    case 'setCustomer':
      return fields({
        ...(action.customerUser === undefined ? {} : { CustomerUser: action.customerUser }),
        ...(action.customerId === undefined ? {} : { CustomerID: action.customerId }),
      })
    case 'setDynamicField': {
      const value = typeof action.value === 'string' ? render(ctx, action.value) : action.value
      return { fields: {}, dynamicFields: { [action.field]: value } }
    }
    case 'incrementDynamicField': {
      const current = Number(ctx.ticket.DynamicField[action.field] ?? 0)
      return { fields: {}, dynamicFields: { [action.field]: (Number.isNaN(current) ? 0 : current) + action.by } }
    }
    case 'removeDynamicField':
      return { fields: {}, dynamicFields: { [action.field]: null } }
    default:
      return undefined
  }
}

function pendingTime(ctx: StepContext, action: Extract<TransitionAction, { type: 'setState' }>): TicketChanges['fields'] {
  if (action.pendingDateTime !== undefined) return { PendingTime: new Date(action.pendingDateTime).toISOString() }
  if (action.pendingTimeDiff !== undefined) return { PendingTime: new Date(ctx.now.getTime() + action.pendingTimeDiff * 1000).toISOString() }
  return {}
}

/** A short human description of an action for its `action.run` history row. */
export function describeAction(action: TransitionAction, changes: TicketChanges | undefined): string {
  if (changes !== undefined) {
    const parts = [
      ...Object.entries(changes.fields).map(([k, v]) => `${k} = ${JSON.stringify(v)}`),
      ...Object.entries(changes.dynamicFields).map(([k, v]) => `DynamicField_${k} = ${JSON.stringify(v)}`),
    ]
    return parts.join(', ')
  }
  switch (action.type) {
    case 'addArticle':
      return `article "${action.article.subject}"`
    case 'sendEmail':
      return `e-mail to ${action.to.join(', ')}`
    case 'createTicket':
      return `ticket "${action.title}" in ${action.queue}`
    case 'addLink':
      return `link to ${action.ticketNumber}`
    default:
      return action.type
  }
}
