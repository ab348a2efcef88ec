import { ZNUNY_ACTION_MODULES, type ArticleSpec, type FieldValue, type TransitionAction } from '@ablauf/sdk/definition'
import { ARTICLE_HISTORY, LINK_SOURCE, TRANSITION_ACTION_MODULE_PREFIX, defaultActionName } from './znuny-conventions.js'
import { placeholdersToTags, type TagFlavor } from './znuny-tags.js'

/** A Znuny transition action's content (without EntityID). */
export interface ZnunyActionContent {
  Name: string
  Config: { Config: Record<string, string | string[]>; Module: string }
}

type Config = Record<string, string | string[]>

function fieldValue(v: FieldValue): string | string[] {
  if (v === null) return ''
  return Array.isArray(v) ? [...v] : String(v)
}

function article(a: ArticleSpec, notes: string[]): Config {
  if (a.channel === 'Note') notes.push('article channel "Note" is written as Znuny\'s Internal channel')
  return {
    SenderType: a.senderType,
    IsVisibleForCustomer: a.visibleForCustomer ? '1' : '0',
    CommunicationChannel: a.channel === 'Note' ? 'Internal' : a.channel,
    Subject: a.subject,
    Body: a.body,
    ContentType: `${a.contentType}; charset=utf-8`,
    ...ARTICLE_HISTORY,
  }
}

/** The module Config of one action; `undefined` when Znuny has no such action. */
function config(a: TransitionAction, notes: string[]): Config | undefined {
  const opt = (k: string, v: string | undefined): Config => (v === undefined ? {} : { [k]: v })
  switch (a.type) {
    case 'setQueue': return { Queue: a.queue }
    case 'setState':
      if (a.pendingDateTime !== undefined) notes.push(`pendingDateTime ${a.pendingDateTime} has no Znuny key; left out`)
      return { State: a.state, ...opt('PendingTimeDiff', a.pendingTimeDiff?.toString()) }
    case 'setPriority': return { Priority: a.priority }
    case 'setOwner': return { Owner: a.user }
    case 'setResponsible': return { Responsible: a.user }
    case 'setTitle': return { Title: a.title }
    case 'setType': return { Type: a.ticketType }
    case 'setService': return { Service: a.service }
    case 'setSLA': return { SLA: a.sla }
    case 'setLock': return { Lock: a.lock }
    case 'setCustomer': return { ...opt('CustomerUserID', a.customerUser), ...opt('CustomerID', a.customerId) }
    case 'setDynamicField': return { [a.field]: fieldValue(a.value) }
    case 'removeDynamicField': return { [a.field]: '' }
    case 'incrementDynamicField': return undefined
    case 'addArticle': return article(a.article, notes)
    case 'sendEmail':
      return {
        To: a.to.join(', '),
        ...opt('Cc', a.cc?.join(', ')), ...opt('Bcc', a.bcc?.join(', ')),
        ...opt('Template', a.template), ...opt('Subject', a.subject), ...opt('Body', a.body),
      }
    case 'createTicket': {
      const dfs = Object.fromEntries(Object.entries(a.dynamicFields ?? {}).map(([k, v]) => [`DynamicField_${k}`, fieldValue(v)]))
      return {
        Title: a.title, Queue: a.queue,
        ...opt('State', a.state), ...opt('Priority', a.priority), ...opt('Type', a.ticketType),
        ...opt('CustomerUser', a.customerUser), ...opt('CustomerID', a.customerId), ...opt('Owner', a.owner),
        LinkAs: a.link,
        ...(a.article ? article(a.article, notes) : {}),
        ...dfs,
      }
    }
    case 'addLink':
      if (a.direction === 'target') notes.push('addLink direction "target" is written with the current ticket as source')
      return { ...LINK_SOURCE, TargetKey: a.ticketNumber, Type: a.linkType }
  }
}

function tags(c: Config, flavor: TagFlavor, notes: string[]): Config {
  const one = (s: string) => {
    const r = placeholdersToTags(s, flavor)
    for (const p of r.unmapped) notes.push(`placeholder ${p} has no Znuny tag; written as is`)
    return r.text
  }
  return Object.fromEntries(Object.entries(c).map(([k, v]) => [k, Array.isArray(v) ? v.map(one) : one(v)]))
}

/**
 * One of our actions → a Znuny transition action (module + Config), placeholders as tags. Actions
 * Znuny lacks (incrementDynamicField) give `undefined` and a note.
 */
export function exportAction(a: TransitionAction, flavor: TagFlavor): { content?: ZnunyActionContent; notes: string[] } {
  const notes: string[] = []
  const c = config(a, notes)
  if (c === undefined) return { notes: [`${a.type} has no Znuny transition action; left out`] }
  const module = ZNUNY_ACTION_MODULES[a.type]
  const withTags = tags(c, flavor, notes)
  return {
    content: { Name: a.name ?? defaultActionName(module, withTags), Config: { Config: withTags, Module: TRANSITION_ACTION_MODULE_PREFIX + module } },
    notes,
  }
}

/** Several setDynamicField / removeDynamicField actions that came from one Znuny DynamicFieldSet, merged back. */
export function mergeDynamicFieldSets(parts: ZnunyActionContent[], name: string | undefined): ZnunyActionContent {
  const merged: Config = Object.assign({}, ...parts.map((p) => p.Config.Config))
  const module = ZNUNY_ACTION_MODULES.setDynamicField
  return { Name: name ?? defaultActionName(module, merged), Config: { Config: merged, Module: TRANSITION_ACTION_MODULE_PREFIX + module } }
}
