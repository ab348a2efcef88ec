import type { ArticleSpec, TransitionAction } from '@ablauf/sdk/definition'
import { Code, call } from './code-literal.js'

/** An article's options without the values the DSL fills in by default. */
export function articleOptions(a: ArticleSpec): Record<string, unknown> {
  return {
    subject: a.subject,
    body: a.body,
    channel: a.channel === 'Internal' ? undefined : a.channel,
    visibleForCustomer: a.visibleForCustomer ? true : undefined,
    senderType: a.senderType === 'system' ? undefined : a.senderType,
    contentType: a.contentType === 'text/plain' ? undefined : a.contentType,
  }
}

function recipients(list: readonly string[] | undefined): string | readonly string[] | undefined {
  return list?.length === 1 ? list[0] : list
}

/** The helper name and arguments for one action. */
function helperCall(a: TransitionAction): [string, unknown[]] {
  const meta = a.name === undefined ? [] : [{ name: a.name }]
  switch (a.type) {
    case 'setQueue': return ['setQueue', [a.queue, ...meta]]
    case 'setState': {
      const opts = { pendingTimeDiff: a.pendingTimeDiff, pendingDateTime: a.pendingDateTime, name: a.name }
      return ['setState', Object.values(opts).some((v) => v !== undefined) ? [a.state, opts] : [a.state]]
    }
    case 'setPriority': return ['setPriority', [a.priority, ...meta]]
    case 'setOwner': return ['setOwner', [a.user, ...meta]]
    case 'setResponsible': return ['setResponsible', [a.user, ...meta]]
    case 'setTitle': return ['setTitle', [a.title, ...meta]]
    case 'setType': return ['setType', [a.ticketType, ...meta]]
    case 'setService': return ['setService', [a.service, ...meta]]
    case 'setSLA': return ['setSLA', [a.sla, ...meta]]
    case 'setLock': return ['setLock', [a.lock, ...meta]]
    case 'setCustomer': return ['setCustomer', [{ customerUser: a.customerUser, customerId: a.customerId, name: a.name }]]
    case 'setDynamicField': return ['setDynamicField', [a.field, a.value, ...meta]]
    case 'incrementDynamicField': return ['incrementDynamicField', a.by === 1 && meta.length === 0 ? [a.field] : [a.field, a.by, ...meta]]
    case 'removeDynamicField': return ['removeDynamicField', [a.field, ...meta]]
    case 'addArticle': return ['addArticle', [{ ...articleOptions(a.article), name: a.name }]]
    case 'sendEmail':
      return ['sendEmail', [{ to: recipients(a.to), cc: recipients(a.cc), bcc: recipients(a.bcc), template: a.template, subject: a.subject, body: a.body, name: a.name }]]
    case 'createTicket':
      return ['createTicket', [{
        title: a.title, queue: a.queue, state: a.state, priority: a.priority, ticketType: a.ticketType,
        customerUser: a.customerUser, customerId: a.customerId, owner: a.owner,
        article: a.article && articleOptions(a.article), dynamicFields: a.dynamicFields,
        link: a.link === 'ParentChild' ? undefined : a.link, name: a.name,
      }]]
    case 'addLink':
      return ['addLink', [{
        ticketNumber: a.ticketNumber, linkType: a.linkType === 'Normal' ? undefined : a.linkType,
        direction: a.direction === 'source' ? undefined : a.direction, name: a.name,
      }]]
  }
}

/** One action as a DSL helper call, e.g. `setQueue('Hardware')`; records the helper in `used`. */
export function actionCode(a: TransitionAction, used: Set<string>, pad = ''): Code {
  const [name, args] = helperCall(a)
  used.add(name)
  return new Code(call(name, args, pad))
}
