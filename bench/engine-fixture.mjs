// Shared by the engine benchmark: the ERP stub, the engine config and the seed flow as canonical JSON.
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'

/** A local ERP on 127.0.0.1 answering every warranty lookup at once; counts calls. */
export async function startErpStub() {
  let calls = 0
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      calls += 1
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end('{"status":"valid"}')
    })
  })
  server.keepAliveTimeout = 30_000
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${server.address().port}`
  return { url, calls: () => calls, close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }) }
}

/** The demo engine config with the ERP at `erpUrl`, no SMTP (mail captured), no tokens. */
export function benchConfig(erpUrl) {
  const demo = parse(readFileSync(new URL('../engine/config/demo.yaml', import.meta.url), 'utf8'))
  const { smtp: _smtp, tokens: _tokens, ...rest } = demo
  return { ...rest, webServices: { ERP: { ...demo.webServices.ERP, baseUrl: erpUrl, testBaseUrl: erpUrl, auth: { type: 'none' } } } }
}

/** The seed flow: script → condition → service task → user task → end (with the e-mail of the real one). */
export const SEED = {
  apiVersion: 'ablauf/v1',
  id: 'incident-triage',
  name: 'Incident triage',
  description: 'Classify, check the warranty of hardware, let an agent confirm',
  start: { on: 'ticket.created', when: { op: 'eq', field: 'Queue', value: 'Service Desk' }, activity: 'classify' },
  activities: [
    {
      id: 'classify', name: 'Classify', description: 'Category from keywords', kind: 'script', script: 'classify-by-keywords',
      params: { source: ['Title', 'Article'], target: 'DynamicField_Category', rules: [{ keywords: ['laptop', 'printer'], value: 'hardware' }, { keywords: ['vpn', 'wifi'], value: 'network' }] },
    },
    {
      id: 'check-warranty', name: 'Check warranty', description: 'Ask the ERP', kind: 'service', webService: 'ERP', invoker: 'WarrantyLookup',
      timeoutMs: 5000, retries: 2, backoff: { initialMs: 1000, factor: 2 },
      input: { 'body.serial': '{{ticket.DynamicField.Serial}}' }, output: { 'body.status': 'DynamicField_Warranty' },
    },
    {
      id: 'confirm', name: 'Confirm', description: 'An agent confirms', kind: 'user',
      dialogs: [{ id: 'confirm-classification', title: 'Confirm classification', interface: ['agent'], fields: [{ field: 'DynamicField_Category', display: 'required' }, { field: 'Article', display: 'optional' }] }],
    },
    { id: 'resolved', name: 'Resolved', description: 'Done', kind: 'end' },
  ],
  transitions: [
    { id: 'hardware', from: 'classify', to: 'check-warranty', description: 'Hardware', condition: { op: 'eq', field: 'DynamicField_Category', value: 'hardware' }, actions: [{ type: 'setQueue', queue: 'Hardware' }] },
    { id: 'not-hardware', from: 'classify', to: 'confirm', description: 'Other' },
    { id: 'warranty-known', from: 'check-warranty', to: 'confirm', description: 'Known' },
    { id: 'warranty-failed', from: 'check-warranty', to: 'confirm', on: 'error', description: 'Failed', actions: [{ type: 'setDynamicField', field: 'Warranty', value: 'unknown' }] },
    {
      id: 'resolve', from: 'confirm', to: 'resolved', description: 'Close and tell the customer',
      actions: [{ type: 'setState', state: 'closed successful' }, { type: 'sendEmail', to: ['{{customer.Email}}'], template: 'ticket-resolved' }],
    },
  ],
}

export const SUBMISSION = { dialog: 'confirm-classification', values: { DynamicField_Category: 'hardware' } }
export const ticketInput = (i) => ({ Title: `Laptop ${i} does not boot`, Queue: 'Service Desk', CustomerUser: 'c.miller', DynamicField: { Serial: `SN-${i}` } })

/** Percentile of sorted numbers. */
export const percentile = (sorted, p) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))])
