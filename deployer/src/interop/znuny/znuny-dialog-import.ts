import type { ActivityDialog, DialogField, DialogInterface, FieldDisplay, FieldValue } from '@ablauf/sdk/definition'
import type { ZnunyDialog, ZnunyDialogField } from './znuny-schema.js'
import { dialogFieldFromZnuny } from './znuny-fields.js'

const DISPLAY: Record<string, FieldDisplay> = { '0': 'hidden', '1': 'optional', '2': 'required' }
const INTERFACES: Record<string, DialogInterface> = {
  AgentInterface: 'agent',
  CustomerInterface: 'customer',
  agent: 'agent',
  customer: 'customer',
}
const CHANNELS = new Set(['Internal', 'Phone', 'Email', 'Note'])
const LEGACY_ARTICLE_TYPES: Record<string, { channel: 'Internal' | 'Phone' | 'Email'; visible: boolean }> = {
  'note-internal': { channel: 'Internal', visible: false },
  'note-external': { channel: 'Internal', visible: true },
  phone: { channel: 'Phone', visible: true },
  'email-external': { channel: 'Email', visible: true },
  'email-internal': { channel: 'Email', visible: false },
}

function text(v: string): string | undefined {
  return v === '' ? undefined : v
}

function defaultValue(v: ZnunyDialogField['DefaultValue']): FieldValue | undefined {
  if (v === undefined || v === null || v === '') return undefined
  return v
}

function articleOptions(config: Record<string, unknown>, notes: string[]): DialogField['article'] {
  const legacy = LEGACY_ARTICLE_TYPES[String(config['ArticleType'] ?? '')]
  const channel = String(config['CommunicationChannel'] ?? legacy?.channel ?? 'Internal')
  const visible = config['IsVisibleForCustomer']
  for (const key of Object.keys(config)) {
    if (!['ArticleType', 'CommunicationChannel', 'IsVisibleForCustomer'].includes(key)) {
      notes.push(`Article option ${key}=${JSON.stringify(config[key])} has no equivalent; left out`)
    }
  }
  return {
    channel: CHANNELS.has(channel) ? (channel as 'Internal') : 'Internal',
    visibleForCustomer: visible !== undefined ? String(visible) === '1' : legacy?.visible ?? false,
  }
}

/**
 * A Znuny activity dialog → our dialog: fields in FieldOrder (then any others), Display 0/1/2 →
 * hidden/optional/required, Interface (one value or a list) → agent/customer. Fields Ablauf lacks are
 * described in `unmapped`.
 */
export function importDialog(d: ZnunyDialog, id: string): { dialog: ActivityDialog; unmapped: string[] } {
  const c = d.Config
  const unmapped: string[] = []
  const order = [...c.FieldOrder, ...Object.keys(c.Fields).filter((k) => !c.FieldOrder.includes(k))]
  const fields: DialogField[] = []
  for (const key of [...new Set(order)]) {
    const f = c.Fields[key]
    if (f === undefined) {
      unmapped.push(`FieldOrder names "${key}" but Fields has no such entry; left out`)
      continue
    }
    const field = dialogFieldFromZnuny(key)
    if (field === undefined) {
      unmapped.push(`dialog field "${key}" has no Ablauf equivalent; left out`)
      continue
    }
    const display = DISPLAY[String(f.Display ?? '1').trim()] ?? 'optional'
    const def = defaultValue(f.DefaultValue)
    const label = text(f.DescriptionShort)
    const help = text(f.DescriptionLong)
    const article = field === 'Article' && f.Config && Object.keys(f.Config).length > 0 ? articleOptions(f.Config, unmapped) : undefined
    fields.push({
      field,
      display,
      ...(def !== undefined ? { default: def } : {}),
      ...(label !== undefined ? { label } : {}),
      ...(help !== undefined ? { help } : {}),
      ...(article !== undefined ? { article } : {}),
    })
  }
  const interfaces = [...new Set(c.Interface.map((i) => INTERFACES[i.trim()]).filter((i) => i !== undefined))]
  for (const i of c.Interface) if (INTERFACES[i.trim()] === undefined) unmapped.push(`interface "${i}" is unknown; left out`)
  if (interfaces.length === 0) {
    interfaces.push('agent')
    if (c.Interface.length === 0) unmapped.push('no Interface given; the dialog is for agents')
  }
  const description = text(c.DescriptionShort)
  const help = text(c.DescriptionLong)
  const submitLabel = text(c.SubmitButtonText)
  const submitAdvice = text(c.SubmitAdviceText)
  const permission = text(c.Permission)
  // Znuny's Permission is a permission type the agent needs on the ticket (rw, ro, move_into, …), not a
  // role; Ablauf's dialog permission names a role, and queue access already comes from the agent's roles.
  if (permission !== undefined) unmapped.push(`Permission "${permission}" is a Znuny permission type on the ticket, not a role; Ablauf lets agents whose roles allow the ticket's queue submit; left out`)
  const dialog: ActivityDialog = {
    id,
    title: d.Name.trim() || id,
    ...(description !== undefined ? { description } : {}),
    ...(help !== undefined ? { help } : {}),
    interface: interfaces,
    fields,
    ...(submitLabel !== undefined ? { submitLabel } : {}),
    ...(submitAdvice !== undefined ? { submitAdvice } : {}),
    requiredLock: c.RequiredLock.trim() === '1',
  }
  return { dialog, unmapped }
}
