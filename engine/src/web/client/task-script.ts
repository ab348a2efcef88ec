/**
 * `/ui/task.js`: a user task's dialog(s) as forms. Required fields are checked in the browser before
 * anything is sent; the engine's own answers (REQUIRED_FIELD_MISSING, WRONG_ACTIVITY, …) are shown
 * next to the form.
 */
export const taskScript = String.raw`
import { api } from './api.js'
import { errorBox, h, heading, link, when } from './dom.js'
import { fieldControl, fieldLabel } from './field-controls.js'

export async function taskView(app, taskId) {
  const list = await api('GET', '/tasks?limit=1000')
  const task = list.tasks.find((t) => t.id === taskId)
  const view = h('div', { class: 'view' })
  if (task === undefined) {
    view.append(heading('Task not open'),
      errorBox('This task is no longer open: the ticket has moved on, or this token may not see it.'),
      h('p', {}, link('/inbox', 'Back to the inbox')))
    return view
  }
  const ticket = await api('GET', '/tickets/' + encodeURIComponent(task.ticketId)).then((r) => r.ticket, () => null)
  const t = task.ticket
  view.append(
    h('p', { class: 'crumbs' }, link('/inbox', 'Inbox'), ' › ', t ? link('/ticket/' + encodeURIComponent(t.id), 'Ticket ' + t.number) : task.ticketId),
    heading(t ? t.Title : 'Task'),
    h('p', { class: 'muted' }, 'Process ', h('strong', { title: task.processId }, task.processName), ' · activity ',
      h('strong', { title: task.activity }, task.activityName), ' · open since ', when(task.openedAt)))
  if (task.dialogs.length === 0) view.append(errorBox("None of this task's dialogs is offered to this token."))
  for (const dialog of task.dialogs) view.append(dialogForm(app, task, dialog, ticket))
  return view
}

function dialogForm(app, task, dialog, ticket) {
  const prefix = 'd-' + dialog.id
  const controls = dialog.fields.filter((f) => f.display !== 'hidden').map((f) => fieldControl(prefix, f, ticket))
  const errors = h('div', { class: 'form-errors', id: prefix + '-errors', role: 'alert', tabindex: '-1' })
  const submit = h('button', { type: 'submit', class: 'primary' }, dialog.submitLabel || 'Submit')
  const anyRequired = dialog.fields.some((f) => f.display === 'required')
  const form = h('form', { novalidate: true, 'aria-labelledby': prefix + '-title', class: 'dialog' },
    anyRequired ? h('p', { class: 'hint' }, 'Fields marked ', h('span', { class: 'required' }, '*'), ' are required.') : null,
    controls.map((c) => c.element),
    errors,
    h('div', { class: 'actions' }, submit, dialog.submitAdvice ? h('span', { class: 'hint' }, dialog.submitAdvice) : null))
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    errors.replaceChildren()
    for (const c of controls) c.clearError()
    const values = {}
    const problems = []
    let article
    for (const c of controls) {
      const r = c.read()
      if (r.missing) problems.push([c, 'Fill in ' + c.label + '.'])
      else if (r.invalid) problems.push([c, c.label + ': ' + r.invalid])
      else if (r.article) article = r.article
      else if (r.value !== undefined) values[c.field] = r.value
    }
    if (problems.length > 0) {
      for (const [c, message] of problems) c.setError(message)
      summary(errors, problems.length === 1 ? 'The form has a problem:' : 'The form has ' + problems.length + ' problems:', problems)
      errors.focus()
      return
    }
    submit.disabled = true
    try {
      await api('POST', '/tasks/' + encodeURIComponent(task.id) + '/submit', { dialog: dialog.id, values, ...(article ? { article } : {}) })
      app.notify('Done: “' + dialog.title + '” submitted for ticket ' + (task.ticket?.number ?? task.ticketId) + '.')
      app.go('/inbox')
    } catch (err) {
      submit.disabled = false
      if (err.status === 401) return app.signedOut('The engine no longer accepts this token. Sign in again.')
      serverError(errors, err, controls, task, dialog)
      errors.focus()
    }
  })
  return h('section', { class: 'card', 'aria-labelledby': prefix + '-title' },
    h('h3', { id: prefix + '-title' }, dialog.title),
    dialog.description ? h('p', { class: 'description' }, dialog.description) : null,
    dialog.help ? h('details', { class: 'help' }, h('summary', {}, 'Help'), h('p', {}, dialog.help)) : null,
    dialog.requiredLock ? h('p', { class: 'hint' }, 'Submitting needs the ticket locked to you.') : null,
    form)
}

function summary(box, title, problems) {
  box.append(h('div', { class: 'alert error' },
    h('p', {}, h('strong', {}, title)),
    h('ul', {}, problems.map(([c, message]) => h('li', {}, h('button', { type: 'button', class: 'linklike', onclick: () => c.focus() }, message))))))
}

function serverError(box, err, controls, task, dialog) {
  const ref = h('p', { class: 'muted small' }, err.code + (err.requestId ? ' · request ' + err.requestId : ''))
  if (err.code === 'REQUIRED_FIELD_MISSING') {
    const fields = Array.isArray(err.details.fields) ? err.details.fields : []
    const problems = fields.map((name) => {
      const c = controls.find((x) => x.field === name)
      const spec = dialog.fields.find((f) => f.field === name)?.spec
      const label = c ? c.label : spec?.label ?? fieldLabel(name)
      if (c) c.setError('The engine needs ' + label + '.')
      return [c ?? { focus() {} }, 'Fill in ' + label + '.']
    })
    summary(box, 'The engine did not accept the dialog: required fields are missing. Nothing was changed.', problems)
    box.append(ref)
    return
  }
  if (err.code === 'WRONG_ACTIVITY' || err.status === 404) {
    box.append(h('div', { class: 'alert error' },
      h('p', {}, h('strong', {}, 'This ticket has moved on.'), ' The task is no longer open — someone else may have submitted it, or the process continued. Nothing was changed.'),
      h('p', {}, link('/inbox', 'Back to the inbox'), ' · ', link('/ticket/' + encodeURIComponent(task.ticketId), 'Open the ticket'))), ref)
    return
  }
  const lead = err.status === 403 ? 'This token may not submit this dialog.'
    : err.status === 400 ? 'The engine did not accept these values.'
    : err.status === 409 ? 'The engine refused the dialog.'
    : err.status === 0 ? 'The dialog was not sent.'
    : 'The dialog could not be submitted.'
  box.append(h('div', { class: 'alert error' }, h('p', {}, h('strong', {}, lead), ' ', err.message)), ref)
}
`
