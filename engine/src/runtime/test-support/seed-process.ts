import { processDefinitionSchema, type ProcessDefinition, type ProcessDefinitionInput } from '@ablauf/sdk/definition'

/**
 * The seed flow: classify the ticket by script; hardware → warranty lookup (service task, error path
 * to an article) → agent confirms → done with an e-mail; anything else → agent confirms directly.
 */
export function seedProcess(over: Partial<ProcessDefinitionInput> = {}): ProcessDefinition {
  return processDefinitionSchema.parse({
    apiVersion: 'ablauf/v1',
    id: 'incident-triage',
    name: 'Incident triage',
    start: { on: 'ticket.created', when: { op: 'eq', field: 'Queue', value: 'Service Desk' }, activity: 'classify' },
    activities: [
      {
        id: 'classify',
        name: 'Classify',
        kind: 'script',
        script: 'classify-by-keywords',
        params: { source: 'Title', target: 'DynamicField_Category', rules: [{ value: 'hardware', keywords: ['laptop', 'printer'] }], default: 'software' },
      },
      {
        id: 'check-warranty',
        name: 'Check warranty',
        kind: 'service',
        webService: 'ERP',
        invoker: 'WarrantyLookup',
        timeoutMs: 300,
        retries: 1,
        backoff: { initialMs: 0, factor: 2, maxMs: 0 },
        input: { 'body.serial': '{{ticket.DynamicField.Serial}}', 'query.customer': '{{ticket.CustomerID}}' },
        output: { 'body.status': 'DynamicField_Warranty' },
      },
      {
        id: 'confirm',
        name: 'Confirm',
        kind: 'user',
        dialogs: [{ id: 'confirm-classification', title: 'Confirm classification', interface: ['agent'], fields: [{ field: 'DynamicField_Category', display: 'required' }, { field: 'Article', display: 'optional' }] }],
      },
      { id: 'done', name: 'Done', kind: 'end' },
    ],
    transitions: [
      { id: 'hardware', from: 'classify', to: 'check-warranty', condition: { op: 'eq', field: 'DynamicField_Category', value: 'hardware' } },
      { id: 'other', from: 'classify', to: 'confirm' },
      { id: 'warranty-known', from: 'check-warranty', to: 'confirm', actions: [{ type: 'setQueue', queue: 'Hardware' }] },
      {
        id: 'warranty-failed',
        from: 'check-warranty',
        to: 'confirm',
        on: 'error',
        actions: [{ type: 'addArticle', article: { subject: 'Warranty lookup failed', body: 'Check the warranty by hand.' } }],
      },
      {
        id: 'confirmed',
        from: 'confirm',
        to: 'done',
        actions: [
          { type: 'setState', state: 'closed successful' },
          { type: 'sendEmail', to: ['{{customer.Email}}'], subject: 'Solved: {{ticket.Title}}', body: 'Category: {{ticket.DynamicField.Category}}' },
        ],
      },
    ],
    ...over,
  })
}
