import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { captureLogger } from '../web-services/test-support/capture-logger.js'
import { createSmtpMailer } from './smtp-mailer.js'
import { startSmtpSink, type SmtpSink } from './test-support/smtp-sink.js'

let sink: SmtpSink
beforeAll(async () => {
  sink = await startSmtpSink({ user: 'ablauf', password: 'mail-secret' })
})
afterAll(async () => {
  await sink.close()
})

describe('smtp mailer', () => {
  const { logger, lines } = captureLogger()

  it('sends a message with recipients, subject, body and a Message-ID from the key', async () => {
    const mailer = createSmtpMailer({
      smtp: { host: '127.0.0.1', port: sink.port, secure: false, from: 'Ablauf <noreply@example.com>', auth: { userEnv: 'SMTP_USER', passwordEnv: 'SMTP_PASSWORD' } },
      logger,
      env: { SMTP_USER: 'ablauf', SMTP_PASSWORD: 'mail-secret' },
    })
    const receipt = await mailer.send({ key: 'inst-1:4:done:mail', to: ['jane@example.com'], cc: ['boss@example.com'], bcc: ['audit@example.com'], subject: 'Ticket done', body: 'Your ticket is solved.' })
    await mailer.close()
    expect(receipt).toEqual({ messageId: '<inst-1_4_done_mail@example.com>', status: 'sent' })
    expect(sink.received).toHaveLength(1)
    const mail = sink.received[0]
    expect(mail?.from).toBe('noreply@example.com')
    expect(mail?.to.sort()).toEqual(['audit@example.com', 'boss@example.com', 'jane@example.com'])
    expect(mail?.raw).toContain('Subject: Ticket done')
    expect(mail?.raw).toContain('Message-ID: <inst-1_4_done_mail@example.com>')
    expect(mail?.raw).toContain('To: jane@example.com')
    expect(mail?.raw).not.toMatch(/^Bcc:/m)
    expect(mail?.raw).toContain('Your ticket is solved.')
    expect(lines().join('\n')).not.toContain('mail-secret')
  })

  it('throws SERVICE_FAILED when the server rejects the message', async () => {
    const mailer = createSmtpMailer({ smtp: { host: '127.0.0.1', port: sink.port, secure: false, from: 'noreply@example.com', auth: { userEnv: 'U', passwordEnv: 'P' } }, logger, env: { U: 'ablauf', P: 'mail-secret' } })
    sink.fail(true)
    await expect(mailer.send({ key: 'k', to: ['x@example.com'], cc: [], bcc: [], subject: 's', body: 'b' })).rejects.toMatchObject({ code: 'SERVICE_FAILED' })
    sink.fail(false)
    await mailer.close()
  })

  it('refuses a config whose password variable is not set', () => {
    expect(() => createSmtpMailer({ smtp: { host: '127.0.0.1', port: 25, secure: false, from: 'a@b.c', auth: { userEnv: 'U', passwordEnv: 'MISSING' } }, logger, env: { U: 'u' } })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringContaining('MISSING') }),
    )
  })
})
