import { addArticle, defineProcess, field, sendEmail, setDynamicField, setQueue, setState } from '@ablauf/sdk'

// The seed document's flow: ticket created → script task → condition met? yes → service task
// (error → error handling & log) → user task → process complete; no → user task.
export default defineProcess('incident-triage', {
  name: 'Incident triage',
  description:
    'Classifies every new Service Desk ticket by keywords; for hardware it looks up the warranty in the ERP, then an agent confirms the classification and the customer hears when it is resolved.',
  start: { on: 'ticket.created', when: field('Queue').eq('Service Desk') },
})
  .script('classify', {
    name: 'Classify by keywords',
    description: 'Sets the category from keywords in the title and the articles; tickets that match nothing stay unclassified for the agent.',
    script: 'classify-by-keywords',
    params: {
      source: ['Title', 'Article'],
      target: 'DynamicField_Category',
      rules: [
        { keywords: ['laptop', 'notebook', 'printer', 'monitor', 'docking station', 'keyboard'], value: 'hardware' },
        { keywords: ['vpn', 'wifi', 'wlan', 'network', 'internet'], value: 'network' },
        { keywords: ['password', 'locked out', 'account', 'access'], value: 'access' },
        { keywords: ['install', 'licence', 'license', 'update', 'crash'], value: 'software' },
      ],
    },
  })
  .service('check-warranty', {
    name: 'Check warranty in the ERP',
    description: 'Asks the ERP whether the device with this serial number is still under warranty, so the agent knows whether to repair or replace.',
    webService: 'ERP',
    invoker: 'WarrantyLookup',
    input: { 'body.serial': '{{ticket.DynamicField.Serial}}' },
    output: { 'body.status': 'DynamicField_Warranty' },
    timeoutMs: 5000,
    retries: 2,
    backoff: { initialMs: 1000, factor: 2 },
    failOn: { errorCodePath: 'body.errorCode', errorCodes: ['SERIAL_UNKNOWN'] },
  })
  .script('record-lookup-failure', {
    name: 'Error handling & log',
    description: 'Writes what went wrong with the warranty lookup into the ticket notes, so the agent can check the warranty by hand.',
    script: 'render-template',
    params: {
      field: 'DynamicField_Notes',
      template: 'Warranty lookup in the ERP failed for serial "{{ticket.DynamicField.Serial}}"; check the warranty manually.',
    },
  })
  .user('confirm', {
    name: 'Confirm classification',
    description: 'An agent checks the category (and for hardware the warranty) and documents the solution.',
    dialogs: [
      {
        title: 'Confirm classification',
        description: 'Check the category and the warranty, then describe how the request was solved.',
        interface: ['agent'],
        fields: {
          DynamicField_Category: 'required',
          DynamicField_Warranty: 'optional',
          DynamicField_Notes: 'optional',
          Article: { display: 'required', label: 'Solution', article: { channel: 'Internal' } },
        },
        submitLabel: 'Confirm and resolve',
      },
    ],
  })
  .end('resolved', {
    name: 'Process complete',
    description: 'The incident is classified, resolved and the customer has been told.',
  })
  .transition('classify', 'check-warranty', {
    id: 'hardware',
    name: 'Hardware: check warranty',
    description: 'Condition met: the ticket is about hardware, so the warranty decides between repair and replacement.',
    when: field('DynamicField_Category').eq('hardware'),
    actions: [setQueue('Hardware')],
  })
  .transition('classify', 'confirm', {
    id: 'not-hardware',
    name: 'Not hardware: confirm directly',
    description: 'Condition not met: no warranty to check, the agent confirms the classification straight away.',
  })
  .transition('check-warranty', 'confirm', {
    id: 'warranty-known',
    name: 'Warranty known',
    description: 'The ERP answered; its warranty status is on the ticket for the agent.',
  })
  .transition('check-warranty', 'record-lookup-failure', {
    id: 'warranty-lookup-failed',
    name: 'Warranty lookup failed',
    description: 'The ERP did not answer in time, answered with an error or does not know the serial number: the warranty is unknown.',
    on: 'error',
    actions: [setDynamicField('Warranty', 'unknown')],
  })
  .transition('record-lookup-failure', 'confirm', {
    id: 'failure-logged',
    name: 'Failure logged',
    description: 'The failure is recorded as an internal article, then the agent takes over as usual.',
    actions: [
      addArticle({
        subject: 'Warranty lookup failed',
        body: '{{ticket.DynamicField.Notes}}',
        channel: 'Internal',
      }),
    ],
  })
  .transition('confirm', 'resolved', {
    id: 'resolve',
    name: 'Resolve and inform the customer',
    description: 'Closes the ticket and sends the customer the "resolved" e-mail.',
    actions: [
      setState('closed successful'),
      sendEmail({ to: '{{customer.Email}}', template: 'ticket-resolved', name: 'Tell the customer' }),
    ],
  })
