import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

/** A message the local SMTP server received: envelope and raw RFC 5322 text. */
export interface ReceivedMail {
  from: string
  to: string[]
  raw: string
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives; `fail` makes it reject messages. */
export interface SmtpSink {
  port: number
  received: ReceivedMail[]
  fail(on: boolean): void
  close(): Promise<void>
}

/** Starts an SMTP server on a free local port (no TLS, any login accepted and recorded). */
export async function startSmtpSink(options: { user?: string; password?: string } = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = []
  let failing = false
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: options.user === undefined,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password) callback(null, { user: auth.username })
      else callback(new Error('invalid login'))
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        if (failing) return callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }))
        const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address
        received.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    port,
    received,
    fail: (on) => {
      failing = on
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
