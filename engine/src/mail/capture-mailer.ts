import type { Logger } from 'pino'
import type { Clock, Store } from '../store/store-port.js'
import { messageIdFor, type Mailer } from './mail-types.js'

/** Options of {@link createCaptureMailer}. */
export interface CaptureMailerOptions {
  store: Store
  clock: Clock
  logger: Logger
}

/**
 * A mailer that sends nothing: it records each message in the store's e-mail outbox as `captured`
 * (idempotent by key). Test-mode tickets use it, and engines without SMTP.
 */
export function createCaptureMailer(options: CaptureMailerOptions): Mailer {
  const log = options.logger.child({ component: 'capture-mailer' })
  return {
    async send(message) {
      await options.store.transaction(async (tx) => {
        await tx.emails.record({
          key: message.key,
          ticketId: message.ticketId ?? null,
          instanceId: message.instanceId ?? null,
          to: message.to,
          cc: message.cc,
          bcc: message.bcc,
          template: message.template ?? null,
          subject: message.subject,
          body: message.body,
          status: 'captured',
          test: true,
          createdAt: options.clock.now().toISOString(),
        })
      })
      log.info({ key: message.key, ticketId: message.ticketId }, 'mail captured')
      return { messageId: messageIdFor(message.key, 'ablauf.test'), status: 'captured' }
    },
    async close() {},
  }
}
