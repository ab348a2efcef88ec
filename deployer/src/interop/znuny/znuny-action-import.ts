import type { ArticleSpec, FieldValue, TransitionAction } from '@ablauf/sdk/definition'
import type { ZnunyTransitionAction } from './znuny-schema.js'
import { tagsToPlaceholders } from './znuny-tags.js'
import { ARTICLE_HISTORY, defaultActionName } from './znuny-conventions.js'

/** What a Znuny transition action became: our actions, and what had no equivalent. */
export interface ImportedActions {
  actions: TransitionAction[]
  unmapped: string[]
}

/** `Kernel::System::ProcessManagement::TransitionAction::TicketQueueSet` → `TicketQueueSet`. */
export function moduleShortName(module: string): string {
  return module.split('::').pop() ?? module
}

/** Reads a module's Config: text with tags → placeholders; remembers which keys were used. */
class ConfigReader {
  readonly used = new Set<string>()
  readonly notes: string[] = []
  constructor(readonly config: Record<string, unknown>) {}

  text(key: string): string | undefined {
    const v = this.config[key]
    if (v === undefined || v === null) return undefined
    this.used.add(key)
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      this.notes.push(`${key} is not a text value`)
      return undefined
    }
    const { text, unmapped } = tagsToPlaceholders(String(v))
    for (const tag of unmapped) this.notes.push(`tag ${tag} in ${key} has no Ablauf placeholder; kept as written`)
    return text
  }

  nonEmpty(key: string): string | undefined {
    const v = this.text(key)
    return v === undefined || v.trim() === '' ? undefined : v
  }

  unusedKeys(): string[] {
    return Object.keys(this.config).filter((k) => !this.used.has(k) && k !== 'UserID')
  }
}

const CHANNELS = { Internal: 'Internal', Phone: 'Phone', Email: 'Email', Note: 'Note' } as const
/** OTRS 5 article types → channel and visibility. */
const ARTICLE_TYPES: Record<string, { channel: ArticleSpec['channel']; visible: boolean }> = {
  'note-internal': { channel: 'Internal', visible: false },
  'note-external': { channel: 'Internal', visible: true },
  'note-report': { channel: 'Internal', visible: false },
  phone: { channel: 'Phone', visible: true },
  'email-external': { channel: 'Email', visible: true },
  'email-internal': { channel: 'Email', visible: false },
}

/** Article keys of TicketArticleCreate / TicketCreate → our article spec. */
function readArticle(r: ConfigReader): ArticleSpec {
  for (const [k, v] of Object.entries(ARTICLE_HISTORY)) if (r.config[k] === v) r.used.add(k)
  const legacy = ARTICLE_TYPES[r.text('ArticleType') ?? '']
  const channelText = r.text('CommunicationChannel')
  const channel = channelText && channelText in CHANNELS ? CHANNELS[channelText as keyof typeof CHANNELS] : legacy?.channel ?? 'Internal'
  if (channelText && !(channelText in CHANNELS)) r.notes.push(`CommunicationChannel "${channelText}" read as Internal`)
  const visible = r.text('IsVisibleForCustomer')
  const sender = r.text('SenderType')
  const contentType = r.text('ContentType') ?? r.text('MimeType') ?? 'text/plain'
  return {
    subject: r.text('Subject') ?? '',
    body: r.text('Body') ?? '',
    channel,
    visibleForCustomer: visible !== undefined ? visible === '1' : legacy?.visible ?? false,
    senderType: sender === 'agent' || sender === 'customer' ? sender : 'system',
    contentType: contentType.toLowerCase().startsWith('text/html') ? 'text/html' : 'text/plain',
  }
}

const SIMPLE: Record<string, (r: ConfigReader) => TransitionAction | undefined> = {
  TicketQueueSet: (r) => { const queue = r.nonEmpty('Queue'); return queue ? { type: 'setQueue', queue } : undefined },
  TicketPrioritySet: (r) => { const priority = r.nonEmpty('Priority'); return priority ? { type: 'setPriority', priority } : undefined },
  TicketOwnerSet: (r) => { const user = r.nonEmpty('Owner'); return user ? { type: 'setOwner', user } : undefined },
  TicketResponsibleSet: (r) => { const user = r.nonEmpty('Responsible'); return user ? { type: 'setResponsible', user } : undefined },
  TicketTitleSet: (r) => { const title = r.nonEmpty('Title'); return title ? { type: 'setTitle', title } : undefined },
  TicketTypeSet: (r) => { const ticketType = r.nonEmpty('Type'); return ticketType ? { type: 'setType', ticketType } : undefined },
  TicketServiceSet: (r) => { const service = r.nonEmpty('Service'); return service ? { type: 'setService', service } : undefined },
  TicketSLASet: (r) => { const sla = r.nonEmpty('SLA'); return sla ? { type: 'setSLA', sla } : undefined },
  TicketLockSet: (r) => {
    const lock = r.nonEmpty('Lock')
    return lock === 'lock' || lock === 'unlock' ? { type: 'setLock', lock } : undefined
  },
  TicketStateSet: (r) => {
    const state = r.nonEmpty('State')
    if (!state) return undefined
    const diff = r.nonEmpty('PendingTimeDiff')
    const n = diff === undefined ? undefined : Number(diff)
    if (diff !== undefined && !(Number.isInteger(n) && (n ?? 0) > 0)) r.notes.push(`PendingTimeDiff "${diff}" is not a positive number of seconds`)
    return n !== undefined && Number.isInteger(n) && n > 0 ? { type: 'setState', state, pendingTimeDiff: n } : { type: 'setState', state }
  },
  TicketCustomerSet: (r) => {
    const customerUser = r.nonEmpty('CustomerUserID') ?? r.nonEmpty('User')
    const customerId = r.nonEmpty('CustomerID') ?? r.nonEmpty('No')
    if (!customerUser && !customerId) return undefined
    return { type: 'setCustomer', ...(customerUser ? { customerUser } : {}), ...(customerId ? { customerId } : {}) }
  },
  TicketArticleCreate: (r) => ({ type: 'addArticle', article: readArticle(r) }),
  ArticleSend: (r) => {
    const list = (key: string) => r.nonEmpty(key)?.split(',').map((s) => s.trim()).filter(Boolean)
    const to = list('To')
    if (!to || to.length === 0) return undefined
    const cc = list('Cc')
    const bcc = list('Bcc')
    const template = r.nonEmpty('Template')
    const subject = r.text('Subject')
    const body = r.text('Body')
    return {
      type: 'sendEmail', to,
      ...(cc ? { cc } : {}), ...(bcc ? { bcc } : {}), ...(template ? { template } : {}),
      ...(subject !== undefined ? { subject } : {}), ...(body !== undefined ? { body } : {}),
    }
  },
  LinkAdd: (r) => {
    const ticketNumber = r.nonEmpty('TargetKey')
    for (const k of ['SourceObject', 'TargetObject', 'SourceKey', 'State']) r.used.add(k)
    const t = r.nonEmpty('Type')
    return ticketNumber ? { type: 'addLink', ticketNumber, linkType: t === 'ParentChild' ? 'ParentChild' : 'Normal', direction: 'source' } : undefined
  },
}

const CREATE_KEYS = ['Title', 'Queue', 'State', 'Priority', 'Type', 'CustomerUser', 'CustomerID', 'Owner', 'LinkAs'] as const

function importTicketCreate(r: ConfigReader): TransitionAction | undefined {
  const [title, queue, state, priority, ticketType, customerUser, customerId, owner, linkAs] = CREATE_KEYS.map((k) => r.nonEmpty(k))
  if (!title || !queue) return undefined
  const hasArticle = ['Subject', 'Body'].some((k) => r.config[k] !== undefined)
  const article = hasArticle ? readArticle(r) : undefined
  const dynamicFields: Record<string, FieldValue> = {}
  for (const key of Object.keys(r.config)) {
    const m = /^DynamicField_([A-Za-z0-9]+)$/.exec(key)
    if (m?.[1]) dynamicFields[m[1]] = r.text(key) ?? null
  }
  const link = linkAs === 'Normal' ? 'Normal' : linkAs === 'none' ? 'none' : 'ParentChild'
  return {
    type: 'createTicket', title, queue,
    ...(state ? { state } : {}), ...(priority ? { priority } : {}), ...(ticketType ? { ticketType } : {}),
    ...(customerUser ? { customerUser } : {}), ...(customerId ? { customerId } : {}), ...(owner ? { owner } : {}),
    ...(article ? { article } : {}), ...(Object.keys(dynamicFields).length > 0 ? { dynamicFields } : {}),
    link,
  }
}

function importDynamicFieldSet(r: ConfigReader, notes: string[]): TransitionAction[] {
  const out: TransitionAction[] = []
  for (const [key, raw] of Object.entries(r.config)) {
    if (key === 'UserID') continue
    r.used.add(key)
    if (!/^[A-Za-z0-9]+$/.test(key)) {
      notes.push(`DynamicFieldSet key ${JSON.stringify(key)} is not a dynamic field name (letters and digits); value ${JSON.stringify(raw)} not set`)
      continue
    }
    const value: FieldValue = Array.isArray(raw) ? raw.map((v) => tagsToPlaceholders(String(v)).text) : raw === null || raw === undefined ? null : r.text(key) ?? null
    // Znuny empties a field by setting it to ''.
    if (value === '' || value === null) out.push({ type: 'removeDynamicField', field: key })
    else out.push({ type: 'setDynamicField', field: key, value })
  }
  return out
}

/**
 * A Znuny transition action (module + Config) → our actions. DynamicFieldSet sets one field per action
 * here, so one Znuny action may become several. Anything without an equivalent — an unknown module,
 * a key we lack (From, HistoryType, …), a tag without placeholder — is described in `unmapped`.
 */
export function importTransitionAction(ta: ZnunyTransitionAction): ImportedActions {
  const module = moduleShortName(ta.Config.Module)
  const r = new ConfigReader(ta.Config.Config)
  const unmapped: string[] = []
  const plainName = ta.Name.trim() === '' || ta.Name === defaultActionName(module, ta.Config.Config)
  const name = plainName ? undefined : ta.Name.slice(0, 200)
  const withName = (a: TransitionAction): TransitionAction => (name ? { ...a, name } : a)
  let actions: TransitionAction[]
  if (module === 'DynamicFieldSet') {
    actions = importDynamicFieldSet(r, unmapped)
  } else {
    const build = module === 'TicketCreate' ? importTicketCreate : SIMPLE[module]
    if (!build) {
      return { actions: [], unmapped: [`module ${module} has no Ablauf equivalent; not imported (Config ${JSON.stringify(ta.Config.Config)})`] }
    }
    const a = build(r)
    if (!a) {
      return { actions: [], unmapped: [`${module} without the values it needs (Config ${JSON.stringify(ta.Config.Config)}); not imported`] }
    }
    actions = [a]
  }
  unmapped.push(...r.notes)
  const extra = r.unusedKeys()
  if (extra.length > 0) {
    unmapped.push(`${module} keys without equivalent left out: ${extra.map((k) => `${k}=${JSON.stringify(r.config[k])}`).join(', ')}`)
  }
  if (r.config['UserID'] !== undefined) unmapped.push(`${module} UserID ${JSON.stringify(r.config['UserID'])} (act as user) left out`)
  return { actions: actions.map(withName), unmapped }
}
