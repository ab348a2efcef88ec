import type { DialogField } from '@ablauf/sdk/definition'
import type { DynamicFieldType, TargetSnapshot } from '@ablauf/sdk/target'

/** A choice of a dropdown: the value sent back and the text shown. */
export interface FieldChoice {
  value: string
  label: string
}

/** What a form needs to render a dialog field: its control type, label and choices. */
export interface FieldSpec {
  type: DynamicFieldType | 'Article'
  label: string
  /** Choices of `Dropdown` and `Multiselect` fields. */
  values?: FieldChoice[]
}

const LABELS: Record<string, string> = {
  Title: 'Title', Queue: 'Queue', State: 'State', Priority: 'Priority', Type: 'Type', Service: 'Service', SLA: 'SLA',
  Owner: 'Owner', Responsible: 'Responsible', CustomerUser: 'Customer user', CustomerID: 'Customer ID', Lock: 'Lock',
  PendingTime: 'Pending until', Article: 'Article',
}

const named = (list: readonly { name: string }[]): FieldChoice[] => list.map((x) => ({ value: x.name, label: x.name }))
const person = (p: { login: string; firstName: string; lastName: string }, extra = ''): FieldChoice => ({
  value: p.login,
  label: `${[p.firstName, p.lastName].filter(Boolean).join(' ')} (${p.login}${extra})`.trim(),
})

/** The choices of a ticket field, or undefined for free text. Customers never get the list of customer users. */
function choices(field: string, target: TargetSnapshot, audience: 'agent' | 'customer'): FieldChoice[] | undefined {
  switch (field) {
    case 'Queue': return named(target.queues)
    case 'State': return named(target.states)
    case 'Priority': return named(target.priorities)
    case 'Type': return named(target.types)
    case 'Service': return named(target.services)
    case 'SLA': return named(target.slas)
    case 'Lock': return [{ value: 'lock', label: 'locked' }, { value: 'unlock', label: 'unlocked' }]
    case 'Owner':
    case 'Responsible':
      return target.users.map((u) => person(u))
    case 'CustomerUser':
      return audience === 'customer' || target.customerUsers.length === 0 ? undefined : target.customerUsers.map((c) => person(c, `, ${c.customerId}`))
    default: return undefined
  }
}

/**
 * The spec of one dialog field against the engine's target: dynamic fields by their declared type and
 * values, ticket fields as dropdowns of the target's queues, states, … So a page renders any dialog,
 * a customer's too, without reading `/schema`.
 */
export function dialogFieldSpec(field: DialogField, target: TargetSnapshot, audience: 'agent' | 'customer'): FieldSpec {
  const name = field.field
  if (name === 'Article') return { type: 'Article', label: LABELS['Article'] ?? name }
  if (name.startsWith('DynamicField_')) {
    const dfName = name.slice('DynamicField_'.length)
    const df = target.dynamicFields.find((d) => d.name === dfName)
    if (df === undefined) return { type: 'Text', label: dfName }
    const label = df.label === '' ? df.name : df.label
    const listed = (df.type === 'Dropdown' || df.type === 'Multiselect') && df.values !== undefined
    return listed ? { type: df.type, label, values: (df.values ?? []).map((v) => ({ value: v, label: v })) } : { type: textual(df.type), label }
  }
  if (name === 'PendingTime') return { type: 'DateTime', label: LABELS[name] ?? name }
  const values = choices(name, target, audience)
  return values === undefined ? { type: 'Text', label: LABELS[name] ?? name } : { type: 'Dropdown', label: LABELS[name] ?? name, values }
}

/** A Dropdown or Multiselect without declared values can only be typed in. */
function textual(type: DynamicFieldType): DynamicFieldType {
  return type === 'Dropdown' || type === 'Multiselect' ? 'Text' : type
}
