/**
 * `/ui/dom.js`: builds DOM nodes from data. Text always goes in as text nodes or attributes, never as
 * markup, so nothing a ticket holds can become HTML (the page also enforces Trusted Types).
 */
export const domScript = String.raw`
export function h(tag, props, ...children) {
  const el = document.createElement(tag)
  let value
  for (const [key, v] of Object.entries(props ?? {})) {
    if (v === undefined || v === null || v === false) continue
    if (key === 'value') value = v
    else if (key === 'checked' || key === 'selected') el[key] = Boolean(v)
    else if (key.startsWith('on') && typeof v === 'function') el.addEventListener(key.slice(2), v)
    else el.setAttribute(key, v === true ? '' : String(v))
  }
  append(el, children)
  if (value !== undefined) el.value = String(value)
  return el
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue
    el.append(child instanceof Node ? child : String(child))
  }
  return el
}

export function clear(el) {
  el.replaceChildren()
  return el
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })
const STEPS = [[60, 'second'], [60, 'minute'], [24, 'hour'], [7, 'day'], [4.35, 'week'], [12, 'month'], [Infinity, 'year']]

export function ago(iso) {
  let n = (Date.parse(iso) - Date.now()) / 1000
  for (const [size, unit] of STEPS) {
    if (Math.abs(n) < size) return relative.format(Math.round(n), unit)
    n /= size
  }
  return iso
}

export function when(iso, mode) {
  if (typeof iso !== 'string' || Number.isNaN(Date.parse(iso))) return h('span', {}, '—')
  const absolute = new Date(iso).toLocaleString()
  return h('time', { datetime: iso, title: absolute }, mode === 'ago' ? ago(iso) : absolute)
}

export function showValue(v) {
  if (v === null || v === undefined || v === '') return '(empty)'
  if (Array.isArray(v)) return v.length === 0 ? '(empty)' : v.join(', ')
  if (typeof v === 'boolean') return v ? 'yes' : 'no'
  return String(v)
}

export function link(path, ...children) {
  return h('a', { href: '#' + path }, ...children)
}

export function shortId(id) {
  return typeof id === 'string' && id.length > 12 ? id.slice(0, 8) + '…' : String(id ?? '')
}

export function errorBox(message, extra) {
  return h('div', { class: 'alert error', role: 'alert' }, h('p', {}, message), extra)
}

export function heading(text) {
  return h('h2', { tabindex: '-1', class: 'view-title' }, text)
}
`
