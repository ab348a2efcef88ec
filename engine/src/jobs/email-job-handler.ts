import { isAblaufError } from '@ablauf/sdk/errors'
import type { MailMessage } from '../mail/mail-types.js'
import type { Job } from '../store/store-port.js'
import { completeJob, DEFAULT_BACKOFF, failJob, retryLater, type JobContext } from './job-context.js'
import { emailJobSchema, readPayload } from './job-payloads.js'

/**
 * Sends one e-mail. Test-mode tickets' mail (and all mail when no SMTP is configured) is captured in
 * the outbox. Real mail is recorded `queued` first and `sent` after, so a job that runs twice after a
 * successful send does not send again.
 */
export async function runEmailJob(ctx: JobContext, job: Job): Promise<void> {
  const payload = readPayload(emailJobSchema, job)
  const message: MailMessage = {
    ...payload.message,
    subject: payload.message.subject !== '' ? payload.message.subject : (payload.message.template ?? ''),
    ticketId: payload.ticketId,
    instanceId: payload.instanceId,
  }
  const at = (): string => ctx.clock.now().toISOString()
  const note = (type: 'email.captured' | 'email.sent', text: string) =>
    payload.ticketId === null ? [] : [{ ticketId: payload.ticketId, instanceId: payload.instanceId, entry: { type, at: at(), message: text, data: { key: message.key } } }]

  if (payload.test || ctx.mailer === undefined) {
    // Captured, history row and job done in one transaction: nothing leaves the engine, so there is no
    // reason for a second commit (the outbox row is idempotent by key, as the capture mailer's is).
    await ctx.store.transaction(async (tx) => {
      await tx.emails.record({
        ...payload.message,
        subject: message.subject,
        ticketId: payload.ticketId,
        instanceId: payload.instanceId,
        status: 'captured',
        test: true,
        createdAt: at(),
      })
      await tx.history.append(note('email.captured', `e-mail "${message.subject}" to ${message.to.join(', ')} captured, not sent`))
      await completeJob(ctx, tx, job, { status: 'captured' })
    })
    ctx.metrics?.jobAttempts.inc({ kind: job.kind, outcome: 'succeeded' })
    return
  }

  const row = await ctx.store.transaction((tx) =>
    tx.emails.record({ ...payload.message, ticketId: payload.ticketId, instanceId: payload.instanceId, status: 'queued', test: false, createdAt: at() }),
  )
  if (row.status !== 'sent') {
    try {
      await ctx.mailer.send(message)
    } catch (err) {
      const text = err instanceof Error ? err.message : String(err)
      if (!isAblaufError(err, 'SERVICE_FAILED')) throw err
      if (await retryLater(ctx, job, text, DEFAULT_BACKOFF)) return
      await ctx.store.transaction(async (tx) => {
        await tx.emails.mark(row.id, 'failed', at())
        if (payload.ticketId !== null) {
          await tx.history.append([{ ticketId: payload.ticketId, instanceId: payload.instanceId, entry: { type: 'job.attempt', at: at(), message: `e-mail "${message.subject}" not sent after ${job.attempts} attempt(s): ${text}`, data: { key: job.key, kind: job.kind, attempt: job.attempts } } }])
        }
        await failJob(ctx, tx, job, text, null)
      })
      ctx.metrics?.jobAttempts.inc({ kind: job.kind, outcome: 'failed' })
      return
    }
  }
  await ctx.store.transaction(async (tx) => {
    if (row.status !== 'sent') await tx.emails.mark(row.id, 'sent', at())
    await tx.history.append(note('email.sent', `e-mail "${message.subject}" sent to ${message.to.join(', ')}`))
    await completeJob(ctx, tx, job, { status: 'sent' })
  })
  ctx.metrics?.jobAttempts.inc({ kind: job.kind, outcome: 'succeeded' })
}
