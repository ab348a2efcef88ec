import type { TargetSnapshotInput } from '@ablauf/sdk/target'

/**
 * The small target a fresh process repository starts with (until `ablauf schema pull` replaces it):
 * a service desk with a hardware queue, a category field, one script and one web service.
 */
export const DEFAULT_TARGET: TargetSnapshotInput = {
  apiVersion: 'ablauf/target-v1',
  name: 'starter',
  queues: [{ name: 'Service Desk' }, { name: 'Hardware' }, { name: 'Software' }],
  states: [
    { name: 'new', type: 'new' },
    { name: 'open', type: 'open' },
    { name: 'closed successful', type: 'closed' },
    { name: 'pending reminder', type: 'pending reminder' },
  ],
  priorities: [{ name: '3 normal' }, { name: '5 very high' }],
  types: [{ name: 'Incident' }, { name: 'Service Request' }],
  users: [{ login: 'alice', email: 'alice@example.com', roles: ['Agents'] }],
  roles: [{ name: 'Agents', queues: ['Service Desk', 'Hardware', 'Software'] }],
  dynamicFields: [
    { name: 'Category', label: 'Category', type: 'Dropdown', values: ['hardware', 'software', 'network'] },
    { name: 'Serial', label: 'Serial number', type: 'Text' },
    { name: 'Warranty', label: 'Warranty', type: 'Text' },
  ],
  webServices: [
    {
      name: 'ERP',
      invokers: [
        {
          name: 'WarrantyLookup',
          input: { serial: { type: 'string', required: true } },
          output: { status: { type: 'string' } },
        },
      ],
    },
  ],
  scripts: [
    {
      name: 'classify-by-keywords',
      description: 'Sets DynamicField_Category from keywords in a ticket field',
      params: { source: { type: 'field', required: true } },
    },
  ],
  emailTemplates: [{ name: 'ticket-closed', subject: 'Your ticket was closed' }],
}
