import nodemailer from 'nodemailer'
import type { Logger } from 'pino'
import { AblaufError } from '@ablauf/sdk/errors'
import { messageIdFor, type Mailer } from './mail-types.js'

/** SMTP settings from the engine config; the password is named by environment variable. */
export interface SmtpSettings {
  host: string
  port: number
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  secure?: boolean
  /** Require STARTTLS. */
  requireTLS?: boolean
  from: string
  user?: string
  passwordEnv?: string
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
  const password = smtp.passwordEnv === undefined ? undefined : options.env[smtp.passwordEnv]
  if (smtp.passwordEnv !== undefined && (password === undefined || password === '')) {
    throw new AblaufError('CONFIG_INVALID', `smtp needs the environment variable ${smtp.passwordEnv}`, { env: smtp.passwordEnv })
  }
  const timeout = smtp.timeoutMs ?? 30_000
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure ?? false,
    requireTLS: smtp.requireTLS ?? false,
    ...(smtp.user === undefined ? {} : { auth: { user: smtp.user, pass: password ?? '' } }),
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
