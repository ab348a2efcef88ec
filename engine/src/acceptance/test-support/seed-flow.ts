import { addArticle, defineProcess, field, sendEmail, setDynamicField, setPriority, setQueue, setState } from '@ablauf/sdk'
import type { ProcessDefinition } from '@ablauf/sdk/definition'

/**
 * The seed flow of processes/incident-triage.process.ts, built with the DSL (there is no golden JSON
 * yet): classify by keywords → hardware? check the warranty in the ERP (error → record the failure) →
 * an agent confirms → resolved with the `ticket-resolved` e-mail. Timeouts and backoff are short so
 * the service paths run quickly against a local stub. Edition 2 also lowers the priority on resolve.
 */
export function seedFlow(edition: 1 | 2 = 1): ProcessDefinition {
  return defineProcess('incident-triage', {
    name: edition === 1 ? 'Incident triage' : 'Incident triage (edition 2)',
    description: 'Classifies new Service Desk tickets; hardware gets a warranty lookup; an agent confirms.',
    start: { on: 'ticket.created', when: field('Queue').eq('Service Desk') },
  })
    .script('classify', {
      name: 'Classify by keywords',
      script: 'classify-by-keywords',
      params: {
        source: ['Title', 'Article'],
        target: 'DynamicField_Category',
        rules: [
          { keywords: ['laptop', 'printer', 'monitor'], value: 'hardware' },
          { keywords: ['vpn', 'wifi', 'network'], value: 'network' },
        ],
      },
    })
    .service('check-warranty', {
      name: 'Check warranty in the ERP',
      webService: 'ERP',
      invoker: 'WarrantyLookup',
      input: { 'body.serial': '{{ticket.DynamicField.Serial}}' },
      output: { 'body.status': 'DynamicField_Warranty' },
      timeoutMs: 250,
      retries: 1,
      backoff: { initialMs: 0, factor: 1, maxMs: 0 },
      failOn: { errorCodePath: 'body.errorCode', errorCodes: ['SERIAL_UNKNOWN'] },
    })
    .script('record-lookup-failure', {
      name: 'Error handling & log',
      script: 'render-template',
      params: { field: 'DynamicField_Notes', template: 'Warranty lookup failed for serial "{{ticket.DynamicField.Serial}}".' },
    })
    .user('confirm', {
      name: 'Confirm classification',
      dialogs: [
        {
          id: 'confirm-classification',
          title: 'Confirm classification',
          interface: ['agent'],
          fields: { DynamicField_Category: 'required', DynamicField_Warranty: 'optional', Article: 'optional' },
        },
      ],
    })
    .end('resolved', { name: 'Process complete' })
    .transition('classify', 'check-warranty', { id: 'hardware', when: field('DynamicField_Category').eq('hardware'), actions: [setQueue('Hardware')] })
    .transition('classify', 'confirm', { id: 'not-hardware' })
    .transition('check-warranty', 'confirm', { id: 'warranty-known' })
    .transition('check-warranty', 'record-lookup-failure', { id: 'warranty-lookup-failed', on: 'error', actions: [setDynamicField('Warranty', 'unknown')] })
    .transition('record-lookup-failure', 'confirm', {
      id: 'failure-logged',
      actions: [addArticle({ subject: 'Warranty lookup failed', body: '{{ticket.DynamicField.Notes}}', channel: 'Internal' })],
    })
    .transition('confirm', 'resolved', {
      id: 'resolve',
      actions: [
        setState('closed successful'),
        ...(edition === 2 ? [setPriority('2 low')] : []),
        sendEmail({ to: '{{customer.Email}}', template: 'ticket-resolved' }),
      ],
    })
    .toDefinition()
}
