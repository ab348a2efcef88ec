/** `/ui/history.js`: a ticket's history rows as a readable timeline. */
export const historyScript = String.raw`
import { h, showValue, shortId, when } from './dom.js'

function actor(a) {
  if (!a) return 'the system'
  if (a.kind === 'system') return a.login ? 'the system (' + a.login + ')' : 'the system'
  return a.kind + ' ' + a.login
}

function attempts(n) {
  return n === 1 ? '1 attempt' : n + ' attempts'
}

/** [kind, css class, text] of one history entry. */
export function describe(e) {
  switch (e.type) {
    case 'process.started': return ['Process', 'process', 'Process ' + e.processId + ' started (version ' + shortId(e.version) + ')']
    case 'activity.entered': return ['Activity', 'activity', 'Entered activity ' + e.activity + ' (' + e.kind + ')']
    case 'transition.taken': return ['Transition', 'transition', 'Transition ' + e.transition + ' taken: ' + e.from + ' → ' + e.to + (e.on === 'error' ? ' (error path)' : '')]
    case 'transition.skipped': return ['Transition', 'muted', 'Transition ' + e.transition + ' skipped: ' + e.reason]
    case 'action.run': return ['Action', 'action', 'Action ' + e.action + ' on ' + e.transition + (e.detail ? ': ' + e.detail : '')]
    case 'field.changed': return ['Field', 'field', e.field.replace(/^DynamicField_/, '') + ' changed from ' + showValue(e.from) + ' to ' + showValue(e.to)]
    case 'dialog.submitted': return ['Dialog', 'dialog', 'Dialog ' + e.dialog + ' of ' + e.activity + ' submitted by ' + actor(e.actor)]
    case 'script.completed': return ['Script', 'job', 'Script ' + e.script + ' completed in ' + e.activity + (e.message ? ': ' + e.message : '')]
    case 'script.failed': return ['Script', 'incident', 'Script ' + e.script + ' failed in ' + e.activity + (e.message ? ': ' + e.message : '')]
    case 'service.succeeded':
    case 'service.failed':
      return ['Service', e.type === 'service.failed' ? 'incident' : 'job',
        'Service call of ' + e.activity + (e.type === 'service.failed' ? ' failed' : ' succeeded') + ' after ' + attempts(e.attempts)
        + (e.status !== undefined ? ' (HTTP ' + e.status + ')' : '') + (e.message ? ': ' + e.message : '')]
    case 'subprocess.started': return ['Sub-process', 'process', 'Sub-process ' + e.process + ' started from ' + e.activity]
    case 'subprocess.completed': return ['Sub-process', 'process', 'Sub-process ' + e.process + ' completed']
    case 'subprocess.failed': return ['Sub-process', 'incident', 'Sub-process ' + e.process + ' failed']
    case 'incident': return ['Incident', 'incident', 'Incident ' + e.code + (e.activity ? ' in ' + e.activity : '') + ': ' + e.message]
    case 'process.completed': return ['Process', 'process', 'Process completed']
    case 'process.canceled': return ['Process', 'incident', 'Process canceled' + (e.actor ? ' by ' + actor(e.actor) : '') + (e.reason ? ': ' + e.reason : '')]
    case 'event.ignored': return ['Event', 'muted', 'Event ' + e.event + ' ignored: ' + e.reason]
    case 'instance.retried': return ['Retry', 'action', 'Retried by ' + actor(e.actor) + (e.activity ? ' at ' + e.activity : '')]
    case 'job.attempt': return ['Job', 'job', 'Job attempt' + (e.message ? ': ' + e.message : '')]
    case 'ticket.created': return ['Ticket', 'ticket', 'Ticket created' + (e.actor ? ' by ' + actor(e.actor) : '')]
    case 'ticket.updated': return ['Ticket', 'ticket', 'Ticket updated' + (e.actor ? ' by ' + actor(e.actor) : '') + (e.message ? ': ' + e.message : '')]
    case 'article.added': return ['Article', 'ticket', 'Article added' + (e.message ? ': ' + e.message : '')]
    case 'link.added': return ['Link', 'ticket', 'Link added' + (e.message ? ': ' + e.message : '')]
    case 'email.captured': return ['E-mail', 'job', 'E-mail captured (test mode)' + (e.message ? ': ' + e.message : '')]
    case 'email.sent': return ['E-mail', 'job', 'E-mail sent' + (e.message ? ': ' + e.message : '')]
    case 'start.skipped': return ['Process', 'muted', e.message ?? 'Other matching processes not started']
    case 'retry.requested': return ['Retry', 'action', 'Retry requested' + (e.actor ? ' by ' + actor(e.actor) : '')]
    default: return [String(e.type), 'muted', e.message ?? '']
  }
}

export function timeline(rows) {
  if (rows.length === 0) return h('p', { class: 'empty' }, 'No history yet.')
  return h('ol', { class: 'timeline' }, rows.map((row) => {
    const [kind, css, text] = describe(row.entry)
    return h('li', { class: 'entry ' + css, 'data-type': row.entry.type },
      h('span', { class: 'at' }, when(row.entry.at)),
      h('span', { class: 'kind' }, kind),
      h('span', { class: 'text' }, text))
  }))
}
`
