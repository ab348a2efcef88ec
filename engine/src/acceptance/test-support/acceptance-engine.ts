import type { EngineConfig } from '../../config/config-schema.js'
import { startHarness, type ApiHarness, type HarnessOptions } from '../../http/test-support/api-harness.js'
import { startSmtpSink, type SmtpSink } from '../../mail/test-support/smtp-sink.js'
import { startHttpStub, type HttpStub } from '../../web-services/test-support/http-stub.js'

/** The engine under acceptance test, with the outside world it talks to. */
export interface AcceptanceEngine {
  h: ApiHarness
  /** The ERP: a local web-service stub. */
  erp: HttpStub
  /** The mail server: a local SMTP server that requires a login. */
  smtp: SmtpSink
  close(): Promise<void>
}

export const ERP_TOKEN = 'erp-secret-token'

/** The template the seed flow sends when a ticket is resolved. */
export const RESOLVED_TEMPLATE = {
  name: 'ticket-resolved',
  subject: 'Your request is resolved [{{ticket.TicketNumber}}]',
  body: 'Dear {{customer.FirstName}},\n\nyour request "{{ticket.Title}}" has been resolved.\n',
}

/**
 * The demo engine on 127.0.0.1 over a real SQLite file, its ERP web service pointed at a local stub
 * (bearer token from the environment) and its mail at a local SMTP server with a login.
 */
export async function startAcceptanceEngine(options: Pick<HarnessOptions, 'bodyLimit'> = {}): Promise<AcceptanceEngine> {
  const erp = await startHttpStub()
  const smtp = await startSmtpSink({ user: 'helpdesk', password: 'smtp-secret' })
  const configure = (demo: EngineConfig): EngineConfig => {
    const demoErp = demo.webServices.ERP
    if (demoErp === undefined) throw new Error('the demo config has no ERP web service')
    const { testBaseUrl: _testOnly, ...erpConfig } = demoErp
    return {
      ...demo,
      webServices: { ...demo.webServices, ERP: { ...erpConfig, baseUrl: `${erp.url}/erp` } },
      smtp: { host: '127.0.0.1', port: smtp.port, secure: false, from: 'Help Desk <helpdesk@example.com>', auth: { userEnv: 'SMTP_USER', passwordEnv: 'SMTP_PASSWORD' } },
      target: { ...demo.target, emailTemplates: [...demo.target.emailTemplates.filter((t) => t.name !== RESOLVED_TEMPLATE.name), RESOLVED_TEMPLATE] },
    }
  }
  const h = await startHarness({ ...options, configure, env: { ERP_TOKEN, SMTP_USER: 'helpdesk', SMTP_PASSWORD: 'smtp-secret' } })
  return {
    h,
    erp,
    smtp,
    async close() {
      await h.close()
      await erp.close()
      await smtp.close()
    },
  }
}
