/** `/ui/inbox.js`: the caller's open user tasks, oldest first. */
export const inboxScript = String.raw`
import { api } from './api.js'
import { errorBox, h, heading, link, when } from './dom.js'

export async function inboxView() {
  const view = h('div', { class: 'view' }, heading('Inbox'))
  let tasks
  try {
    tasks = (await api('GET', '/tasks?limit=500')).tasks
  } catch (err) {
    if (err.status !== 403) throw err
    view.append(errorBox('This token has no inbox: it may not see user tasks.'))
    return view
  }
  if (tasks.length === 0) {
    view.append(h('p', { class: 'empty' }, 'No open tasks. Nothing to do right now.'))
    return view
  }
  view.append(h('p', { class: 'muted' }, tasks.length === 1 ? '1 open task' : tasks.length + ' open tasks'))
  const rows = tasks.map((task) => {
    const t = task.ticket
    const dialogs = task.dialogs.length > 0 ? task.dialogs.map((d) => d.title).join(' · ') : task.activity
    return h('tr', {},
      h('td', {}, t ? link('/ticket/' + encodeURIComponent(t.id), t.number) : '—'),
      h('td', {}, h('a', { href: '#/task/' + encodeURIComponent(task.id), class: 'task-link' }, t ? t.Title : task.ticketId)),
      h('td', {}, t ? t.Queue : '—'),
      h('td', {}, h('span', { title: task.processId }, task.processName)),
      h('td', {}, h('span', { title: task.activity }, task.activityName)),
      h('td', {}, dialogs),
      h('td', {}, when(task.openedAt, 'ago')),
      h('td', {}, task.test ? h('span', { class: 'badge' }, 'test') : ''))
  })
  view.append(h('div', { class: 'table-wrap' }, h('table', { class: 'tasks' },
    h('caption', { class: 'visually-hidden' }, 'Open user tasks'),
    h('thead', {}, h('tr', {}, ['Ticket', 'Title', 'Queue', 'Process', 'Activity', 'Dialog', 'Since', ''].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows))))
  return view
}
`
