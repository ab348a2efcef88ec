/**
 * `/ui/field-controls.js`: one form control per dialog field, chosen by the field and, for dynamic
 * fields, by the target's field type (GET /api/v1/schema). Each control reads back the value the API
 * expects: text, a Dropdown value, a list for Multiselect, a boolean, an integer, `YYYY-MM-DD`, or an
 * ISO date-time; `Article` reads as `{ subject, body }`.
 */
export const fieldControlsScript = String.raw`
import { h } from './dom.js'

const DF = 'DynamicField_'
const LABELS = {
  Title: 'Title', Queue: 'Queue', State: 'State', Priority: 'Priority', Type: 'Type', Service: 'Service', SLA: 'SLA',
  Owner: 'Owner', Responsible: 'Responsible', CustomerUser: 'Customer user', CustomerID: 'Customer ID', Lock: 'Lock',
  PendingTime: 'Pending until', Article: 'Article',
}

export function dynamicFieldOf(schema, field) {
  if (!field.startsWith(DF)) return undefined
  const name = field.slice(DF.length)
  return schema?.dynamicFields.find((d) => d.name === name) ?? { name, label: name, type: 'Text' }
}

export function fieldLabel(field, schema) {
  const df = dynamicFieldOf(schema, field)
  if (df !== undefined) return df.label || df.name
  return LABELS[field] ?? field
}

function choices(field, schema) {
  if (field === 'Lock') return [['lock', 'locked'], ['unlock', 'unlocked']]
  if (!schema) return undefined
  const names = (list) => list.map((x) => [x.name, x.name])
  switch (field) {
    case 'Queue': return names(schema.queues)
    case 'State': return names(schema.states)
    case 'Priority': return names(schema.priorities)
    case 'Type': return names(schema.types)
    case 'Service': return names(schema.services)
    case 'SLA': return names(schema.slas)
    case 'Owner':
    case 'Responsible':
      return schema.users.map((u) => [u.login, [u.firstName, u.lastName].filter(Boolean).join(' ') + ' (' + u.login + ')'])
    case 'CustomerUser':
      return schema.customerUsers.length === 0 ? undefined
        : schema.customerUsers.map((c) => [c.login, [c.firstName, c.lastName].filter(Boolean).join(' ') + ' (' + c.login + ', ' + c.customerId + ')'])
    default: return undefined
  }
}

function kindOf(field, schema) {
  if (field === 'Article') return 'article'
  if (field === 'PendingTime') return 'datetime'
  const df = dynamicFieldOf(schema, field)
  if (df === undefined) return choices(field, schema) ? 'select' : 'text'
  switch (df.type) {
    case 'Dropdown': return df.values ? 'select' : 'text'
    case 'Multiselect': return df.values ? 'multi' : 'text'
    case 'Checkbox': return 'checkbox'
    case 'Date': return 'date'
    case 'DateTime': return 'datetime'
    case 'Integer': return 'number'
    case 'TextArea': return 'textarea'
    default: return 'text'
  }
}

function currentValue(field, ticket) {
  if (!ticket) return null
  if (field.startsWith(DF)) return ticket.DynamicField?.[field.slice(DF.length)] ?? null
  return ticket[field] ?? null
}

function localDateTime(iso) {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const pad = (n) => String(n).padStart(2, '0')
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':' + pad(d.getMinutes())
}

function selectOf(attrs, options, initial, multiple) {
  const selected = new Set(Array.isArray(initial) ? initial : initial === null || initial === undefined ? [] : [String(initial)])
  const list = options.map(([value, text]) => h('option', { value, selected: selected.has(value) }, text))
  if (!multiple) list.unshift(h('option', { value: '', selected: selected.size === 0 }, '— choose —'))
  return h('select', { ...attrs, multiple }, list)
}

export function fieldControl(prefix, f, schema, ticket) {
  const id = prefix + '-' + f.field
  const required = f.display === 'required'
  const label = f.label || fieldLabel(f.field, schema)
  const kind = kindOf(f.field, schema)
  const initial = f.default ?? currentValue(f.field, ticket)
  const hint = f.help ? h('p', { id: id + '-hint', class: 'hint' }, f.help) : null
  const error = h('p', { id: id + '-error', class: 'field-error', hidden: true })
  const describedBy = (hint ? id + '-hint ' : '') + id + '-error'
  const attrs = { id, name: f.field, required: required && kind !== 'checkbox', 'aria-describedby': describedBy }
  const mark = required && kind !== 'checkbox' ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null
  let inputs
  let wrapper

  if (kind === 'article') {
    const subject = h('input', { ...attrs, id: id + '-subject', name: 'subject', type: 'text', maxlength: '1000' })
    const body = h('textarea', { ...attrs, id: id + '-body', name: 'body', rows: '6', maxlength: '100000' })
    inputs = [subject, body]
    wrapper = h('fieldset', { class: 'field article', 'data-field': f.field },
      h('legend', {}, label, mark),
      hint,
      h('label', { for: id + '-subject' }, 'Subject', mark), subject,
      h('label', { for: id + '-body' }, 'Text', mark), body,
      error)
  } else if (kind === 'checkbox') {
    const box = h('input', { ...attrs, type: 'checkbox', checked: initial === true })
    inputs = [box]
    wrapper = h('div', { class: 'field check', 'data-field': f.field }, box, h('label', { for: id }, label), hint, error)
  } else {
    let control
    if (kind === 'select' || kind === 'multi') {
      const df = dynamicFieldOf(schema, f.field)
      const options = df ? df.values.map((v) => [v, v]) : choices(f.field, schema)
      control = selectOf(attrs, options, initial, kind === 'multi')
    } else if (kind === 'textarea') {
      control = h('textarea', { ...attrs, rows: '4', value: initial ?? '' })
    } else if (kind === 'datetime') {
      control = h('input', { ...attrs, type: 'datetime-local', value: typeof initial === 'string' ? localDateTime(initial) : '' })
    } else {
      const type = kind === 'number' ? 'number' : kind === 'date' ? 'date' : 'text'
      control = h('input', { ...attrs, type, step: kind === 'number' ? '1' : undefined, value: initial ?? '' })
    }
    inputs = [control]
    wrapper = h('div', { class: 'field', 'data-field': f.field }, h('label', { for: id }, label, mark), hint, control, error)
  }

  const isRequired = () => inputs.some((i) => i.required)
  return {
    field: f.field,
    label,
    element: wrapper,
    focus: () => inputs[0].focus(),
    setError(message) {
      error.textContent = message
      error.hidden = false
      for (const i of inputs) i.setAttribute('aria-invalid', 'true')
    },
    clearError() {
      error.textContent = ''
      error.hidden = true
      for (const i of inputs) i.removeAttribute('aria-invalid')
    },
    read() {
      const [input, second] = inputs
      if (kind === 'article') {
        const subject = input.value.trim()
        const body = second.value
        if (isRequired() && (subject === '' || body.trim() === '')) return { missing: true }
        return subject === '' && body.trim() === '' ? {} : { article: { subject, body } }
      }
      if (kind === 'checkbox') return { value: input.checked }
      let value
      if (kind === 'multi') {
        value = [...input.selectedOptions].map((o) => o.value)
        if (value.length === 0) value = undefined
      } else {
        const raw = kind === 'textarea' ? input.value : input.value.trim()
        if (raw.trim() !== '') {
          if (kind === 'number') {
            value = Number(raw)
            if (!Number.isInteger(value)) return { invalid: 'Enter a whole number.' }
          } else if (kind === 'datetime') {
            const at = new Date(raw)
            if (Number.isNaN(at.getTime())) return { invalid: 'Enter a date and time.' }
            value = at.toISOString()
          } else value = raw
        }
      }
      if (value === undefined) return isRequired() ? { missing: true } : {}
      return { value }
    },
  }
}
`
