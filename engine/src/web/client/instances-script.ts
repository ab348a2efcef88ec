/** `/ui/instances.js`: incident and running process instances (read / admin tokens); Retry for incidents, shown to admins only. */
export const instancesScript = String.raw`
import { abilities, api, whoami } from './api.js'
import { errorBox, h, heading, link, shortId, when } from './dom.js'

const HEAD = ['Instance', 'Process', 'Ticket', 'Activity', 'Waiting for', 'Updated', 'Problem', '']

function table(app, caption, instances, canRetry) {
  if (instances.length === 0) return h('p', { class: 'empty' }, 'None.')
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, HEAD.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, instances.map((i) => row(app, i, canRetry)))))
}

function row(app, i, canRetry) {
  const status = h('div', { class: 'row-status', role: 'status' })
  let retry = null
  if (i.status === 'incident' && canRetry) {
    retry = h('button', { type: 'button', 'aria-label': 'Retry instance ' + shortId(i.id) + ' of ticket ' + i.ticketId }, 'Retry')
    retry.addEventListener('click', async () => {
      retry.disabled = true
      status.replaceChildren()
      try {
        const { instance } = await api('POST', '/instances/' + encodeURIComponent(i.id) + '/retry', {})
        app.notify('Retried instance ' + shortId(i.id) + ': it is now ' + instance.status + (instance.incident ? ' (' + instance.incident.message + ')' : '') + '.')
        app.go('/instances')
      } catch (err) {
        retry.disabled = false
        if (err.status === 401) return app.signedOut('The engine no longer accepts this token. Sign in again.')
        status.append(errorBox(err.status === 403 ? 'Only admin tokens may retry: ' + err.message : err.message))
      }
    })
  }
  return h('tr', {},
    h('td', {}, h('code', { title: i.id }, shortId(i.id))),
    h('td', {}, i.processId, h('span', { class: 'muted small' }, ' v ' + shortId(i.version))),
    h('td', {}, link('/ticket/' + encodeURIComponent(i.ticketId), shortId(i.ticketId))),
    h('td', {}, i.activity ?? '—'),
    h('td', {}, i.waiting ? i.waiting.for : '—'),
    h('td', {}, when(i.updatedAt, 'ago')),
    h('td', {}, i.incident ? h('span', { class: 'field-error' }, i.incident.code + ': ' + i.incident.message) : ''),
    h('td', {}, retry, status))
}

export async function instancesView(app) {
  const view = h('div', { class: 'view' }, heading('Instances'))
  let incidents
  let running
  let who
  try {
    [incidents, running, who] = await Promise.all([
      api('GET', '/instances?state=incident&limit=200').then((r) => r.instances),
      api('GET', '/instances?state=running&limit=200').then((r) => r.instances),
      whoami(),
    ])
  } catch (err) {
    if (err.status !== 403) throw err
    view.append(errorBox('This token may not list process instances.'))
    return view
  }
  const { admin } = abilities(who)
  view.append(
    h('section', { 'aria-labelledby': 'incidents-title' }, h('h3', { id: 'incidents-title' }, 'Incidents (' + incidents.length + ')'),
      !admin && incidents.length > 0 ? h('p', { class: 'muted' }, 'Only admin tokens may retry incidents.') : null,
      table(app, 'Instances with an incident', incidents, admin)),
    h('section', { 'aria-labelledby': 'running-title' }, h('h3', { id: 'running-title' }, 'Running (' + running.length + ')'), table(app, 'Running instances', running, false)))
  return view
}
`
