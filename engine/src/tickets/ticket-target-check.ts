import { unknownMessage } from '@ablauf/sdk'
import type { FieldValue } from '@ablauf/sdk/definition'
import { AblaufError, type Issue } from '@ablauf/sdk/errors'
import type { TargetSnapshot } from '@ablauf/sdk/target'
import type { UpdateTicketInput } from './ticket-input.js'

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
 * values); throws BAD_REQUEST listing every problem with its `body.*` path.
 */
export function checkTicketFields(fields: Omit<UpdateTicketInput, 'Article'>, target: TargetSnapshot): void {
  const issues: Issue[] = []
  const ref = (field: string, kind: string, value: string | null | undefined, names: string[]): void => {
    if (value === undefined || value === null || names.includes(value)) return
    issues.push({ code: 'UNKNOWN_VALUE', path: ['body', field], message: unknownMessage(kind, value, names) })
  }
  ref('Queue', 'queue', fields.Queue, target.queues.map((q) => q.name))
  ref('State', 'state', fields.State, target.states.map((s) => s.name))
  ref('Priority', 'priority', fields.Priority, target.priorities.map((p) => p.name))
  ref('Type', 'type', fields.Type, target.types.map((t) => t.name))
  ref('Service', 'service', fields.Service, target.services.map((s) => s.name))
  ref('SLA', 'SLA', fields.SLA, target.slas.map((s) => s.name))
  ref('Owner', 'agent', fields.Owner, target.users.map((u) => u.login))
  ref('Responsible', 'agent', fields.Responsible, target.users.map((u) => u.login))
  if (target.customerUsers.length > 0) ref('CustomerUser', 'customer user', fields.CustomerUser, target.customerUsers.map((c) => c.login))
  for (const [name, value] of Object.entries(fields.DynamicField ?? {})) {
    const df = target.dynamicFields.find((f) => f.name === name)
    if (df === undefined) {
      issues.push({ code: 'UNKNOWN_DYNAMIC_FIELD', path: ['body', 'DynamicField', name], message: unknownMessage('dynamic field', name, target.dynamicFields.map((f) => f.name)) })
      continue
    }
    const problem = valueProblem(df.type, df.values, value)
    if (problem !== undefined) issues.push({ code: 'WRONG_VALUE', path: ['body', 'DynamicField', name], message: `${df.type} field ${name}: ${problem}` })
  }
  if (issues.length > 0) {
    throw new AblaufError('BAD_REQUEST', `invalid ticket fields: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { issues })
  }
}

/** The default state and priority of a new ticket: the first `new` state, the middle priority. */
export function ticketDefaults(target: TargetSnapshot): { State: string; Priority: string } {
  const state = target.states.find((s) => s.type === 'new') ?? target.states[0]
  const priority = target.priorities.find((p) => /normal/i.test(p.name)) ?? target.priorities[Math.floor(target.priorities.length / 2)]
  if (state === undefined || priority === undefined) throw new AblaufError('TARGET_INVALID', 'the target has no states or no priorities')
  return { State: state.name, Priority: priority.name }
}
