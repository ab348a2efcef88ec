/**
 * `/ui/field-controls.js`: one form control per dialog field, chosen by the field's `spec` that
 * GET /api/v1/tasks sends with every dialog field (type, label, choices), so customers, who may not read
 * /schema, get the same controls as agents. Each control reads back the value the API expects: text, a
 * Dropdown value, a list for Multiselect, a boolean, an integer, `YYYY-MM-DD`, or an ISO date-time;
 * `Article` reads as `{ subject, body }`. `fieldLabel` names ticket fields on the ticket page.
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

const KINDS = {
  Article: 'article', Checkbox: 'checkbox', Date: 'date', DateTime: 'datetime', Integer: 'number', TextArea: 'textarea',
  Dropdown: 'select', Multiselect: 'multi',
}

function kindOf(spec) {
  const kind = KINDS[spec?.type] ?? 'text'
  return (kind === 'select' || kind === 'multi') && !Array.isArray(spec.values) ? 'text' : kind
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

export function fieldControl(prefix, f, ticket) {
  const id = prefix + '-' + f.field
  const required = f.display === 'required'
  const label = f.label || f.spec?.label || fieldLabel(f.field)
  const kind = f.field === 'Article' ? 'article' : kindOf(f.spec)
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
      const options = f.spec.values.map((v) => [v.value, v.label])
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
