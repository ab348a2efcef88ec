/** One e-mail the engine sends (an `email.send` effect, rendered). */
export interface MailMessage {
  /** The effect key; becomes the Message-ID, so a re-sent duplicate is recognisable downstream. */
  key: string
  to: string[]
  cc: string[]
  bcc: string[]
  subject: string
  body: string
  /** Where the mail belongs, for the outbox. */
  ticketId?: string | null
  instanceId?: string | null
  template?: string | null
}

/** What happened to a message. */
export interface MailReceipt {
  messageId: string
  status: 'sent' | 'captured'
}

/** The mail port: SMTP in production, capture for test-mode tickets and engines without SMTP. */
export interface Mailer {
  send(message: MailMessage): Promise<MailReceipt>
  close(): Promise<void>
}

/** The Message-ID of a mail, derived from its effect key. */
export function messageIdFor(key: string, domain: string): string {
  return `<${key.replace(/[^A-Za-z0-9.\-_]/g, '_')}@${domain}>`
}
