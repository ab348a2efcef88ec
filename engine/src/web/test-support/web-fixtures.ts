import { SOURCE, type ApiHarness } from '../../http/test-support/api-harness.js'

/** A device intake: agents confirm the category of new Service Desk tickets; the ticket closes. */
export const intakeDefinition = {
  apiVersion: 'ablauf/v1',
  id: 'device-intake',
  name: 'Device intake',
  description: 'An agent classifies a new Service Desk ticket',
  start: { on: 'ticket.created', when: { op: 'eq', field: 'Queue', value: 'Service Desk' }, activity: 'classify' },
  activities: [
    {
      id: 'classify',
      name: 'Classify',
      description: 'An agent sets the category',
      kind: 'user',
      dialogs: [
        {
          id: 'classify-device',
          title: 'Classify the device',
          description: 'Pick the category so the ticket reaches the right team.',
          help: 'Hardware is anything you can touch.',
          interface: ['agent'],
          submitLabel: 'Save classification',
          fields: [
            { field: 'DynamicField_Category', display: 'required', help: 'What kind of problem this is' },
            { field: 'DynamicField_Serial', display: 'optional' },
            { field: 'DynamicField_LeaveStart', display: 'optional', label: 'Broken since' },
            { field: 'DynamicField_Urgent', display: 'optional' },
            { field: 'DynamicField_Notes', display: 'optional' },
            { field: 'Article', display: 'optional' },
            { field: 'DynamicField_Impact', display: 'hidden', default: 'single user' },
          ],
        },
      ],
    },
    { id: 'done', name: 'Done', description: 'Classified', kind: 'end' },
  ],
  transitions: [{ id: 'close', from: 'classify', to: 'done', description: 'Close', actions: [{ type: 'setState', state: 'closed successful' }] }],
}

/** A process whose script always fails: every Misc ticket ends in an incident. */
export const brokenDefinition = {
  apiVersion: 'ablauf/v1',
  id: 'broken-classifier',
  name: 'Broken classifier',
  description: 'A script rule without keywords fails',
  start: { on: 'ticket.created', when: { op: 'eq', field: 'Queue', value: 'Misc' }, activity: 'classify' },
  activities: [
    { id: 'classify', name: 'Classify', description: 'Fails', kind: 'script', script: 'classify-by-keywords', params: { target: 'DynamicField_Category', rules: [{ value: 'hardware' }] } },
    { id: 'done', name: 'Done', description: 'Never reached', kind: 'end' },
  ],
  transitions: [{ id: 'finish', from: 'classify', to: 'done', description: 'Finish' }],
}

/** Customers describe their Software tickets themselves in a customer dialog. */
export const customerDefinition = {
  apiVersion: 'ablauf/v1',
  id: 'software-details',
  name: 'Software details',
  description: 'The customer describes the problem',
  start: { on: 'ticket.created', when: { op: 'eq', field: 'Queue', value: 'Software' }, activity: 'describe' },
  activities: [
    {
      id: 'describe',
      name: 'Describe',
      description: 'The customer adds details',
      kind: 'user',
      dialogs: [
        {
          id: 'describe-problem',
          title: 'Tell us more',
          interface: ['customer'],
          submitLabel: 'Send details',
          fields: [
            { field: 'Article', display: 'required', label: 'Your message', article: { channel: 'Note', visibleForCustomer: true } },
            { field: 'DynamicField_Serial', display: 'optional' },
            { field: 'DynamicField_Impact', display: 'required', label: 'Who is affected' },
            { field: 'DynamicField_LeaveStart', display: 'optional', label: 'Since when' },
            { field: 'DynamicField_Urgent', display: 'optional' },
          ],
        },
      ],
    },
    { id: 'done', name: 'Done', description: 'Described', kind: 'end' },
  ],
  transitions: [{ id: 'described', from: 'describe', to: 'done', description: 'Described' }],
}

/** Deploys the processes and creates a ticket of Carla's that opens an agent task; returns the ticket id. */
export async function seedIntake(h: ApiHarness): Promise<string> {
  const deployed = await h.call('POST', '/api/v1/deployments', { token: 'deploy', body: { definitions: [intakeDefinition, brokenDefinition, customerDefinition], source: SOURCE } })
  if (deployed.status !== 201) throw new Error(`deployment failed: ${JSON.stringify(deployed.body)}`)
  const created = await h.call('POST', '/api/v1/tickets', {
    token: 'anna',
    body: { Title: 'Laptop does not boot', Queue: 'Service Desk', CustomerUser: 'c.miller' },
  })
  if (created.status !== 201) throw new Error(`ticket not created: ${JSON.stringify(created.body)}`)
  return created.body.ticket.id as string
}
