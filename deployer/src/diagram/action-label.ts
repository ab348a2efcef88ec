import type { TransitionAction } from '@ablauf/sdk'

/**
 * A transition action in a few words for a diagram edge: `queue: Hardware`, `Category := hardware`.
 *
 * @example
 * ```ts
 * actionLabel({ type: 'setQueue', queue: 'Hardware' }) // 'queue: Hardware'
 * ```
 */
export function actionLabel(a: TransitionAction): string {
  switch (a.type) {
    case 'setQueue':
      return `queue: ${a.queue}`
    case 'setState':
      return `state: ${a.state}`
    case 'setPriority':
      return `priority: ${a.priority}`
    case 'setOwner':
      return `owner: ${a.user}`
    case 'setResponsible':
      return `responsible: ${a.user}`
    case 'setTitle':
      return 'set title'
    case 'setType':
      return `type: ${a.ticketType}`
    case 'setService':
      return `service: ${a.service}`
    case 'setSLA':
      return `SLA: ${a.sla}`
    case 'setLock':
      return a.lock
    case 'setCustomer':
      return `customer: ${a.customerUser ?? a.customerId ?? ''}`
    case 'setDynamicField':
      return `${a.field} := ${Array.isArray(a.value) ? a.value.join(', ') : String(a.value)}`
    case 'incrementDynamicField':
      return `${a.field} += ${a.by}`
    case 'removeDynamicField':
      return `clear ${a.field}`
    case 'addArticle':
      return 'add article'
    case 'sendEmail':
      return a.template === undefined ? 'send e-mail' : `send e-mail ${a.template}`
    case 'createTicket':
      return 'create ticket'
    case 'addLink':
      return 'link ticket'
  }
}
