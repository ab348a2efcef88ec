import { unknownMessage } from '@ablauf/sdk'
import { DYNAMIC_FIELD_PREFIX, type FieldValue } from '@ablauf/sdk/definition'
import { AblaufError, type Issue } from '@ablauf/sdk/errors'
import type { TargetSnapshot } from '@ablauf/sdk/target'
import { updateTicketSchema, type UpdateTicketInput } from './ticket-input.js'

const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Problems of one dynamic field value for its type, or undefined. */
function valueProblem(type: string, values: string[] | undefined, v: FieldValue): string | undefined {
  if (v === null) return undefined
  switch (type) {
    case 'Dropdown':
      if (typeof v !== 'string') return 'expected one of its values (a string)'
      return values?.includes(v) === true ? undefined : unknownMessage('value', v, values ?? [])
    case 'Multiselect':
      if (!Array.isArray(v)) return 'expected a list of its values'
      return v.map((x) => (values?.includes(x) === true ? undefined : unknownMessage('value', x, values ?? []))).find((m) => m !== undefined)
    case 'Checkbox':
      return typeof v === 'boolean' ? undefined : 'expected true or false'
    case 'Integer':
      return typeof v === 'number' && Number.isInteger(v) ? undefined : 'expected an integer'
    case 'Date':
      return typeof v === 'string' && DATE.test(v) ? undefined : 'expected a date such as "2025-11-27"'
    case 'DateTime':
      return typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? undefined : 'expected an ISO date-time'
    default:
      return typeof v === 'string' ? undefined : 'expected text'
  }
}

/**
 * Checks ticket field values against the target (queues, states, users, dynamic fields and their
 * values); throws BAD_REQUEST listing every problem with its path (`body.*` unless `at` says otherwise).
 */
export function checkTicketFields(fields: Omit<UpdateTicketInput, 'Article'>, target: TargetSnapshot, at: Issue['path'] = ['body']): void {
  const issues: Issue[] = []
  // Names are listed only for fields being set: scripts check their updates on every run.
  const ref = (field: string, kind: string, value: string | null | undefined, list: () => string[]): void => {
    if (value === undefined || value === null) return
    const names = list()
    if (!names.includes(value)) issues.push({ code: 'UNKNOWN_VALUE', path: [...at, field], message: unknownMessage(kind, value, names) })
  }
  ref('Queue', 'queue', fields.Queue, () => target.queues.map((q) => q.name))
  ref('State', 'state', fields.State, () => target.states.map((s) => s.name))
  ref('Priority', 'priority', fields.Priority, () => target.priorities.map((p) => p.name))
  ref('Type', 'type', fields.Type, () => target.types.map((t) => t.name))
  ref('Service', 'service', fields.Service, () => target.services.map((s) => s.name))
  ref('SLA', 'SLA', fields.SLA, () => target.slas.map((s) => s.name))
  ref('Owner', 'agent', fields.Owner, () => target.users.map((u) => u.login))
  ref('Responsible', 'agent', fields.Responsible, () => target.users.map((u) => u.login))
  if (target.customerUsers.length > 0) ref('CustomerUser', 'customer user', fields.CustomerUser, () => target.customerUsers.map((c) => c.login))
  for (const [name, value] of Object.entries(fields.DynamicField ?? {})) {
    const df = target.dynamicFields.find((f) => f.name === name)
    if (df === undefined) {
      issues.push({ code: 'UNKNOWN_DYNAMIC_FIELD', path: [...at, 'DynamicField', name], message: unknownMessage('dynamic field', name, target.dynamicFields.map((f) => f.name)) })
      continue
    }
    const problem = valueProblem(df.type, df.values, value)
    if (problem !== undefined) issues.push({ code: 'WRONG_VALUE', path: [...at, 'DynamicField', name], message: `${df.type} field ${name}: ${problem}` })
  }
  if (issues.length > 0) {
    throw new AblaufError('BAD_REQUEST', `invalid ticket fields: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { issues })
  }
}

/**
 * Field updates by Znuny name, as a script returns them (`{ Queue: 'Hardware', DynamicField_Category:
 * 'hardware' }`), checked like a change through the API: each a field a ticket has, of its type, naming
 * what the target has. Throws BAD_REQUEST listing every problem.
 */
export function checkFieldUpdates(updates: Readonly<Record<string, FieldValue>>, target: TargetSnapshot): void {
  const fields: Record<string, unknown> = {}
  const dynamic: Record<string, FieldValue> = {}
  for (const [name, value] of Object.entries(updates)) {
    if (name.startsWith(DYNAMIC_FIELD_PREFIX)) dynamic[name.slice(DYNAMIC_FIELD_PREFIX.length)] = value
    else fields[name] = value
  }
  if (Object.keys(dynamic).length > 0) fields['DynamicField'] = dynamic
  if (Object.keys(fields).length === 0) return
  const parsed = updateTicketSchema.safeParse(fields)
  if (!parsed.success || parsed.data.Article !== undefined) {
    const issues = parsed.success ? [{ path: ['Article'], message: 'articles are not written by field updates' }] : parsed.error.issues
    throw new AblaufError('BAD_REQUEST', `invalid ticket fields: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { issues })
  }
  checkTicketFields(parsed.data, target, [])
}

/** The default state and priority of a new ticket: the first `new` state, the middle priority. */
export function ticketDefaults(target: TargetSnapshot): { State: string; Priority: string } {
  const state = target.states.find((s) => s.type === 'new') ?? target.states[0]
  const priority = target.priorities.find((p) => /normal/i.test(p.name)) ?? target.priorities[Math.floor(target.priorities.length / 2)]
  if (state === undefined || priority === undefined) throw new AblaufError('TARGET_INVALID', 'the target has no states or no priorities')
  return { State: state.name, Priority: priority.name }
}
