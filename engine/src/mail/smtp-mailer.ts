import nodemailer from 'nodemailer'
import type { Logger } from 'pino'
import { AblaufError } from '@ablauf/sdk/errors'
import type { EngineConfig } from '../config/config-schema.js'
import { messageIdFor, type Mailer } from './mail-types.js'

/** SMTP settings: the engine config's `smtp` (user and password named by environment variable). */
export type SmtpSettings = NonNullable<EngineConfig['smtp']> & {
  /** The domain of generated Message-IDs; defaults to the sender's. */
  messageIdDomain?: string
  timeoutMs?: number
}

/** Options of {@link createSmtpMailer}. */
export interface SmtpMailerOptions {
  smtp: SmtpSettings
  logger: Logger
  env: Readonly<Record<string, string | undefined>>
}

/**
 * A mailer over SMTP (nodemailer). The Message-ID comes from the effect key, so a mail sent twice
 * (at-least-once jobs) carries the same id both times. Failures throw `SERVICE_FAILED`.
 */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const { smtp } = options
  const read = (name: string): string => {
    const value = options.env[name]
    if (value === undefined || value === '') throw new AblaufError('CONFIG_INVALID', `smtp needs the environment variable ${name}`, { env: name })
    return value
  }
  const auth = smtp.auth === undefined ? undefined : { user: read(smtp.auth.userEnv), pass: read(smtp.auth.passwordEnv) }
  const timeout = smtp.timeoutMs ?? 30_000
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(auth === undefined ? {} : { auth }),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  })
  const domain = smtp.messageIdDomain ?? (smtp.from.split('@')[1]?.replace(/>.*$/, '') || 'ablauf.local')
  const log = options.logger.child({ component: 'smtp-mailer' })

  return {
    async send(message) {
      const messageId = messageIdFor(message.key, domain)
      try {
        await transport.sendMail({
          from: smtp.from,
          to: message.to,
          cc: message.cc,
          bcc: message.bcc,
          subject: message.subject,
          text: message.body,
          messageId,
          headers: { 'X-Ablauf-Key': message.key },
        })
      } catch (err) {
        log.warn({ key: message.key, ticketId: message.ticketId, err }, 'mail not sent')
        throw new AblaufError('SERVICE_FAILED', `mail "${message.subject}" not sent: ${err instanceof Error ? err.message : String(err)}`, { key: message.key }, { cause: err })
      }
      log.info({ key: message.key, ticketId: message.ticketId, recipients: message.to.length + message.cc.length + message.bcc.length }, 'mail sent')
      return { messageId, status: 'sent' }
    },
    async close() {
      transport.close()
    },
  }
}
