/** What the "ready" banner shows. */
export interface ReadyBannerInput {
  url: string
  token: string
  tokenGenerated: boolean
  dbPath: string
  dir: string
}

/** A ticket for the seed process `incident-triage` (queue "Service Desk"; not hardware, so no ERP call). */
export const SEED_TICKET = {
  Title: 'VPN connection drops every few minutes',
  Queue: 'Service Desk',
  CustomerUser: 'c.miller',
  CustomerID: 'ACME',
  Article: { subject: 'VPN keeps dropping', body: 'Since this morning the VPN disconnects every few minutes.', channel: 'Email' },
} as const

/** `'…'` for a POSIX shell: single quotes, each inner `'` as `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

/** The curl command that creates {@link SEED_TICKET} on the engine at `url`. */
export function seedTicketCurl(url: string, token: string): string {
  return [
    'curl -sS -X POST',
    shellQuote(`${url}/api/v1/tickets`),
    '-H',
    shellQuote(`Authorization: Bearer ${token}`),
    '-H',
    shellQuote('Content-Type: application/json'),
    '-d',
    shellQuote(JSON.stringify(SEED_TICKET)),
  ].join(' ')
}

/** The lines `ablauf dev` prints once everything runs; the last one is exactly `ready`. */
export function readyBanner(input: ReadyBannerInput): string[] {
  const token = input.tokenGenerated ? `${input.token}  (fresh for this run; set ABLAUF_TOKEN to keep one)` : `${input.token}  (from ABLAUF_TOKEN)`
  return [
    '',
    `engine:    ${input.url}`,
    `page:      ${input.url}/`,
    `token:     ${token}`,
    `database:  ${input.dbPath}`,
    `processes: ${input.dir} (redeployed on save and on each new commit)`,
    '',
    'create a ticket that runs the seed process (incident-triage):',
    `  ${seedTicketCurl(input.url, input.token)}`,
    'then see its user task:',
    `  curl -sS ${shellQuote(`${input.url}/api/v1/tasks`)} -H ${shellQuote(`Authorization: Bearer ${input.token}`)}`,
    '',
    'Ctrl-C stops the engine.',
    'ready',
  ]
}
