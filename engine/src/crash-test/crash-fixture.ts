import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

const DEMO = new URL('../../config/demo.yaml', import.meta.url)

/**
 * Writes the demo config with the ERP web service pointed at `erpUrl` (no auth, no SMTP: mail is
 * captured, no extra tokens) and returns its path. JSON is YAML, so the file is written as JSON.
 */
export function writeCrashConfig(dir: string, erpUrl: string): string {
  const demo = parse(readFileSync(DEMO, 'utf8')) as Record<string, unknown> & { webServices: Record<string, Record<string, unknown>> }
  const { smtp: _smtp, tokens: _tokens, ...rest } = demo
  const erp = demo.webServices.ERP
  const config = { ...rest, webServices: { ERP: { ...erp, baseUrl: erpUrl, testBaseUrl: erpUrl, auth: { type: 'none' } } } }
  const path = join(dir, 'engine.yaml')
  writeFileSync(path, JSON.stringify(config, null, 2))
  return path
}

/**
 * The seed flow without its user task, so it runs to the end on its own: classify (script) → hardware?
 * → warranty lookup (service task) → done, closing the ticket; the error path ends as well.
 */
export function automaticTriage(): Record<string, unknown> {
  return {
    apiVersion: 'ablauf/v1',
    id: 'crash-triage',
    name: 'Crash triage',
    description: 'Seed flow without the agent: classify, look up the warranty, close',
    start: { on: 'ticket.created', when: { op: 'eq', field: 'Queue', value: 'Service Desk' }, activity: 'classify' },
    activities: [
      {
        id: 'classify',
        name: 'Classify',
        description: 'Category from keywords in the title',
        kind: 'script',
        script: 'classify-by-keywords',
        params: { source: 'Title', target: 'DynamicField_Category', rules: [{ value: 'hardware', keywords: ['laptop', 'printer'] }] },
      },
      {
        id: 'check-warranty',
        name: 'Check warranty',
        description: 'Ask the ERP',
        kind: 'service',
        webService: 'ERP',
        invoker: 'WarrantyLookup',
        timeoutMs: 5000,
        retries: 5,
        backoff: { initialMs: 100, factor: 2, maxMs: 1000 },
        input: { 'body.serial': '{{ticket.DynamicField.Serial}}' },
        output: { 'body.status': 'DynamicField_Warranty' },
      },
      { id: 'done', name: 'Done', description: 'Closed', kind: 'end' },
      { id: 'lookup-failed', name: 'Lookup failed', description: 'Ended on the error path', kind: 'end' },
    ],
    transitions: [
      { id: 'hardware', from: 'classify', to: 'check-warranty', description: 'Hardware', condition: { op: 'eq', field: 'DynamicField_Category', value: 'hardware' } },
      { id: 'not-hardware', from: 'classify', to: 'done', description: 'Nothing to look up' },
      { id: 'warranty-known', from: 'check-warranty', to: 'done', description: 'Close', actions: [{ type: 'setState', state: 'closed successful' }] },
      { id: 'warranty-failed', from: 'check-warranty', to: 'lookup-failed', on: 'error', description: 'ERP failed' },
    ],
  }
}
