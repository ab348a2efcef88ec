/** `/ui/ticket.js`: a ticket's fields, dynamic fields, articles, process instances and history. */
export const ticketScript = String.raw`
import { api, targetSchema } from './api.js'
import { h, heading, link, showValue, shortId, when } from './dom.js'
import { fieldLabel } from './field-controls.js'
import { timeline } from './history.js'

const FIELDS = ['Queue', 'State', 'Priority', 'Type', 'Service', 'SLA', 'Owner', 'Responsible', 'CustomerUser', 'CustomerID', 'Lock', 'PendingTime']

function list(pairs) {
  return h('dl', { class: 'fields' }, pairs.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))
}

export async function ticketView(app, id) {
  const [data, schema] = await Promise.all([api('GET', '/tickets/' + encodeURIComponent(id)), targetSchema()])
  const t = data.ticket
  const view = h('div', { class: 'view' },
    h('p', { class: 'crumbs' }, link('/inbox', 'Inbox'), ' › Ticket ' + t.number),
    heading(t.Title),
    h('p', { class: 'muted' }, 'Ticket ', t.number, t.test ? h('span', { class: 'badge' }, 'test') : null, ' · created ', when(t.createdAt), ' · updated ', when(t.updatedAt)))

  const fields = FIELDS.map((f) => [fieldLabel(f, schema), f === 'PendingTime' && t[f] ? when(t[f]) : showValue(t[f])])
  const dynamic = Object.entries(t.DynamicField ?? {}).map(([name, v]) => [fieldLabel('DynamicField_' + name, schema), showValue(v)])
  view.append(h('div', { class: 'columns' },
    h('section', { class: 'card', 'aria-labelledby': 'ticket-fields' }, h('h3', { id: 'ticket-fields' }, 'Fields'), list(fields)),
    h('section', { class: 'card', 'aria-labelledby': 'ticket-dynamic' }, h('h3', { id: 'ticket-dynamic' }, 'Dynamic fields'),
      dynamic.length === 0 ? h('p', { class: 'empty' }, 'None set.') : list(dynamic))))

  if (data.instances.length > 0) {
    view.append(h('section', { class: 'card', 'aria-labelledby': 'ticket-instances' }, h('h3', { id: 'ticket-instances' }, 'Processes'),
      h('ul', { class: 'plain' }, data.instances.map((i) => h('li', {},
        h('code', {}, i.processId), ' — ', h('span', { class: 'status ' + i.status }, i.status),
        i.activity ? ' at ' + i.activity : '', ' · started ', when(i.startedAt),
        i.incident ? h('span', { class: 'field-error' }, ' ' + i.incident.code + ': ' + i.incident.message) : null,
        h('span', { class: 'muted small' }, ' (' + shortId(i.id) + ')'))))))
  }

  if (data.articles.length > 0) {
    view.append(h('section', { class: 'card', 'aria-labelledby': 'ticket-articles' }, h('h3', { id: 'ticket-articles' }, 'Articles'),
      data.articles.map((a) => h('article', { class: 'article' },
        h('h4', {}, a.subject || '(no subject)'),
        h('p', { class: 'muted small' }, a.channel + ' · ' + a.senderType + (a.createdBy ? ' ' + a.createdBy : '') + ' · ', when(a.createdAt),
          a.visibleForCustomer ? ' · visible to the customer' : ''),
        h('p', { class: 'body' }, a.body)))))
  }

  const history = h('section', { class: 'card', 'aria-labelledby': 'ticket-history' }, h('h3', { id: 'ticket-history' }, 'History'))
  try {
    history.append(timeline((await api('GET', '/tickets/' + encodeURIComponent(id) + '/history')).history))
  } catch (err) {
    if (err.status !== 403) throw err
    history.append(h('p', { class: 'empty' }, 'The process history is not shown to this token.'))
  }
  view.append(history)
  return view
}
`
