import { all, any, createTicket, defineProcess, field, not, sendEmail, setDynamicField, setPriority, setState } from '@ablauf/sdk'

/** A change needs the CAB when it is risky or touches the whole company. */
const needsCab = any(field('DynamicField_ChangeRisk').eq('high'), field('DynamicField_Impact').eq('company'))

export default defineProcess('change-request', {
  name: 'Change request',
  description:
    'A change to production is risk-assessed (sub-process change-risk-assessment); risky changes need the approval of the change advisory board (CAB) before they are implemented and reviewed.',
  // The review tickets this process opens land in Change Management too; they carry their change's
  // approval, so they do not start another change request.
  start: {
    on: 'ticket.created',
    when: all(field('Queue').eq('Change Management'), field('Type').eq('Change'), field('DynamicField_Approval').empty()),
  },
})
  .subprocess('risk-assessment', {
    name: 'Assess risk',
    description: 'Runs the change risk assessment on this ticket and waits until impact and risk are rated.',
    process: 'change-risk-assessment',
  })
  .user('cab-approval', {
    name: 'CAB approval',
    description: 'The change advisory board approves or rejects the change; "pending" defers it to the next meeting.',
    dialogs: [
      {
        title: 'CAB decision',
        description: 'Record the decision of the change advisory board. Leave it pending to defer the change to the next meeting.',
        interface: ['agent'],
        permission: 'manager',
        fields: {
          DynamicField_ChangeRisk: 'optional',
          DynamicField_Impact: 'optional',
          DynamicField_Approval: 'required',
          DynamicField_Notes: { display: 'optional', label: 'Conditions or reason' },
          Article: { display: 'optional', label: 'Minutes', article: { channel: 'Internal' } },
        },
        submitLabel: 'Record decision',
      },
    ],
  })
  .user('implement', {
    name: 'Implement change',
    description: 'The change manager implements the approved change in the agreed window and reports the result.',
    dialogs: [
      {
        title: 'Implement change',
        interface: ['agent'],
        permission: 'change-manager',
        fields: {
          DynamicField_Notes: { display: 'optional', label: 'Conditions of the approval' },
          Article: { display: 'required', label: 'Implementation report', article: { channel: 'Internal' } },
        },
        submitLabel: 'Change implemented',
      },
    ],
  })
  .end('implemented', { name: 'Change implemented', description: 'The change is live; a review ticket follows it up.' })
  .end('rejected', { name: 'Change rejected', description: 'The CAB rejected the change; nothing was changed.' })
  .transition('risk-assessment', 'cab-approval', {
    id: 'needs-cab',
    name: 'Needs CAB approval',
    description: 'High risk or company-wide impact: the CAB has to approve before anything changes.',
    when: needsCab,
    actions: [
      setDynamicField('Approval', 'pending'),
      setPriority('4 high'),
      sendEmail({ to: 'cab@example.com', template: 'approval-requested', name: 'Put it on the CAB agenda' }),
    ],
  })
  .transition('risk-assessment', 'implement', {
    id: 'standard-change',
    name: 'Standard change',
    description: 'Low or medium risk with local impact counts as pre-approved: implement it directly.',
    when: not(needsCab),
    actions: [setDynamicField('Approval', 'approved')],
  })
  .transition('cab-approval', 'implement', {
    id: 'cab-approved',
    name: 'CAB approved',
    description: 'The CAB approved; the change manager implements it.',
    when: field('DynamicField_Approval').eq('approved'),
  })
  .transition('cab-approval', 'rejected', {
    id: 'cab-rejected',
    name: 'CAB rejected',
    description: 'The CAB rejected; the requester is told why and the ticket is closed.',
    when: field('DynamicField_Approval').eq('rejected'),
    actions: [
      setState('closed unsuccessful'),
      sendEmail({
        to: '{{customer.Email}}',
        subject: 'Change rejected: {{ticket.Title}}',
        body: 'Dear {{customer.FirstName}},\n\nthe change advisory board rejected your change "{{ticket.Title}}".\nReason: {{ticket.DynamicField.Notes}}',
        name: 'Tell the requester',
      }),
    ],
  })
  .transition('implement', 'implemented', {
    id: 'implemented',
    name: 'Implemented',
    description: 'Closes the change, tells the requester and opens a linked post-implementation review.',
    actions: [
      setState('closed successful'),
      sendEmail({ to: '{{customer.Email}}', template: 'ticket-resolved', name: 'Tell the requester' }),
      createTicket({
        title: 'Post-implementation review: {{ticket.Title}}',
        queue: 'Change Management',
        ticketType: 'Change',
        priority: '2 low',
        owner: 'chris.change',
        dynamicFields: { Approval: 'approved', ChangeRisk: 'low' },
        article: { subject: 'Review the change', body: 'Check one week after go-live that change {{ticket.TicketNumber}} works as intended.' },
        link: 'ParentChild',
        name: 'Open the review',
      }),
    ],
  })
