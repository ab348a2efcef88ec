import { AblaufError } from '../errors.js'
import type { ActivityDialog, ArticleSpec, FieldValue, UserActivity } from '../definition/index.js'
import type { ProcessEvent, TicketChanges, TicketSnapshot } from './runtime-types.js'
import { changesFromValues, isEmptyValue } from './ticket-fields.js'

type DialogSubmitted = Extract<ProcessEvent, { type: 'dialog.submitted' }>

/** A checked dialog submission: the ticket changes it makes and the article it writes, if any. */
export interface Submission {
  dialog: ActivityDialog
  changes: TicketChanges
  article: ArticleSpec | undefined
}

/**
 * Checks a submission against its dialog before anything changes: the dialog belongs to the activity,
 * only the dialog's fields are sent, every required field is filled (an `Article` needs subject and
 * body) and a `requiredLock` dialog is submitted by the agent who holds the lock. Hidden fields take
 * their default whatever was sent.
 */
export function checkSubmission(activity: UserActivity, event: DialogSubmitted, ticket: TicketSnapshot): Submission {
  const dialog = activity.dialogs.find((d) => d.id === event.dialog)
  if (dialog === undefined) {
    throw new AblaufError('BAD_REQUEST', `activity "${activity.id}" has no dialog "${event.dialog}"; it has ${activity.dialogs.map((d) => `"${d.id}"`).join(', ')}`, {
      activity: activity.id,
      dialog: event.dialog,
    })
  }
  const shown = new Map(dialog.fields.map((f) => [f.field as string, f]))
  const unknown = Object.keys(event.values).filter((f) => !shown.has(f) || f === 'Article')
  if (event.article !== undefined && !shown.has('Article')) unknown.push('Article')
  if (unknown.length > 0) {
    throw new AblaufError('BAD_REQUEST', `dialog "${dialog.id}" has no field ${unknown.map((f) => `"${f}"`).join(', ')}`, { fields: unknown })
  }

  const values: Record<string, FieldValue> = {}
  const missing: string[] = []
  for (const f of dialog.fields) {
    if (f.field === 'Article') {
      const a = event.article
      if (f.display === 'required' && (a === undefined || a.subject.trim() === '' || a.body.trim() === '')) missing.push('Article')
      continue
    }
    if (f.display === 'hidden') {
      if (f.default !== undefined) values[f.field] = f.default
      continue
    }
    const value = event.values[f.field]
    if (f.display === 'required' && isEmptyValue(value)) missing.push(f.field)
    else if (value !== undefined) values[f.field] = value
  }
  if (missing.length > 0) {
    throw new AblaufError('REQUIRED_FIELD_MISSING', `fill in the required field${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of dialog "${dialog.id}"`, {
      activity: activity.id,
      dialog: dialog.id,
      fields: missing,
    })
  }
  if (dialog.requiredLock && !(ticket.Lock === 'lock' && event.actor.kind === 'agent' && ticket.Owner === event.actor.login)) {
    throw new AblaufError('CONFLICT', `dialog "${dialog.id}" needs the ticket locked to the submitting agent; lock it first`, { dialog: dialog.id })
  }
  return { dialog, changes: changesFromValues(values), article: articleOf(dialog, event) }
}

function articleOf(dialog: ActivityDialog, event: DialogSubmitted): ArticleSpec | undefined {
  const a = event.article
  if (a === undefined || (a.subject.trim() === '' && a.body.trim() === '')) return undefined
  const options = dialog.fields.find((f) => f.field === 'Article')?.article
  return {
    subject: a.subject,
    body: a.body,
    channel: options?.channel ?? 'Internal',
    visibleForCustomer: options?.visibleForCustomer ?? false,
    senderType: event.actor.kind,
    contentType: 'text/plain',
  }
}
