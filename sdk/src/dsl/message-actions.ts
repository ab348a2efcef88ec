import type { ArticleSpec } from '../definition/action-schema.js'
import { compact, type ActionMeta, type ActionOf } from './action-meta.js'
import type { EmailTemplateName } from './register.js'

/**
 * An article as authors write it: subject and body, the rest defaulted (an internal system note).
 *
 * @example
 * ```ts
 * const a: ArticleInput = { subject: 'Note', body: 'Checked', visibleForCustomer: true }
 * ```
 */
export type ArticleInput = Pick<ArticleSpec, 'subject' | 'body'> & Partial<Omit<ArticleSpec, 'subject' | 'body'>>

/** Fills an article's defaults: internal channel, not visible for the customer, sent by the system, plain text. */
export function articleSpec(input: ArticleInput): ArticleSpec {
  return {
    subject: input.subject,
    body: input.body,
    channel: input.channel ?? 'Internal',
    visibleForCustomer: input.visibleForCustomer ?? false,
    senderType: input.senderType ?? 'system',
    contentType: input.contentType ?? 'text/plain',
  }
}

/**
 * Writes an article on the ticket (Znuny `TicketArticleCreate`); placeholders allowed.
 *
 * @example
 * ```ts
 * addArticle({ subject: 'Warranty lookup failed', body: 'ERP did not answer', name: 'Note failure' })
 * ```
 */
export function addArticle(options: ArticleInput & ActionMeta): ActionOf<'addArticle'> {
  return compact({ type: 'addArticle' as const, article: articleSpec(options), name: options.name })
}

type Recipients = string | readonly string[]

/**
 * Options of {@link sendEmail}: a template of the target, or subject and body.
 *
 * @example
 * ```ts
 * const o: SendEmailOptions = { to: ['{{customer.Email}}'], template: 'ticket-closed' }
 * ```
 */
export type SendEmailOptions = ActionMeta & {
  to: Recipients
  cc?: Recipients
  bcc?: Recipients
} & ({ template: EmailTemplateName; subject?: string; body?: string } | { template?: undefined; subject: string; body: string })

function list(r: Recipients | undefined): string[] | undefined {
  return r === undefined ? undefined : typeof r === 'string' ? [r] : [...r]
}

/**
 * Sends an e-mail (Znuny `ArticleSend`) from a template of the target or from subject and body;
 * recipients are addresses or placeholders such as `{{customer.Email}}`.
 *
 * @example
 * ```ts
 * sendEmail({ to: '{{customer.Email}}', subject: 'Done', body: 'Your ticket {{ticket.TicketNumber}} is solved.' })
 * ```
 */
export function sendEmail(options: SendEmailOptions): ActionOf<'sendEmail'> {
  return compact({
    type: 'sendEmail' as const,
    to: list(options.to) ?? [],
    cc: list(options.cc),
    bcc: list(options.bcc),
    template: options.template,
    subject: options.subject,
    body: options.body,
    name: options.name,
  })
}
