export { messageIdFor, type MailMessage, type MailReceipt, type Mailer } from './mail-types.js'
export { createSmtpMailer, type SmtpMailerOptions, type SmtpSettings } from './smtp-mailer.js'
export { createCaptureMailer, type CaptureMailerOptions } from './capture-mailer.js'
