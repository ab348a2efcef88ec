import { defineProcess, field, sendEmail, setOwner, setResponsible, setState } from '@ablauf/sdk'

export default defineProcess('leave-request', {
  name: 'Leave request',
  description:
    'An employee requests leave through the customer portal; their manager approves, rejects or asks for details, and HR books approved leave in the HR system.',
  start: { on: 'manual', activity: 'request-leave', dialog: 'request-leave' },
})
  .user('request-leave', {
    name: 'Request leave',
    description: 'The employee enters the dates and the number of working days; the request lands in the HR queue.',
    dialogs: [
      {
        title: 'Request leave',
        description: 'Enter the first and the last day of your leave and how many working days that is.',
        interface: ['customer'],
        fields: {
          Title: { display: 'hidden', default: 'Leave request' },
          Queue: { display: 'hidden', default: 'HR' },
          DynamicField_Approval: { display: 'hidden', default: 'pending' },
          DynamicField_LeaveStart: { display: 'required', label: 'First day' },
          DynamicField_LeaveEnd: { display: 'required', label: 'Last day' },
          DynamicField_LeaveDays: { display: 'required', label: 'Working days' },
          Article: { display: 'optional', label: 'Comment for your manager', article: { channel: 'Note', visibleForCustomer: true } },
        },
        submitLabel: 'Submit request',
      },
    ],
  })
  .user('manager-approval', {
    name: 'Manager approval',
    description: 'The manager approves or rejects the leave, or asks the employee for more information.',
    dialogs: [
      {
        title: 'Approve leave',
        description: 'Decide on the leave request. A rejection or a question needs a reason: the employee receives it by e-mail.',
        interface: ['agent'],
        permission: 'manager',
        fields: {
          DynamicField_LeaveStart: 'optional',
          DynamicField_LeaveEnd: 'optional',
          DynamicField_LeaveDays: 'optional',
          DynamicField_Approval: 'required',
          DynamicField_Notes: { display: 'optional', label: 'Reason or question for the employee' },
        },
        submitLabel: 'Decide',
      },
    ],
  })
  .user('clarify', {
    name: 'Clarify request',
    description: 'The employee answers the manager’s question and may correct the dates; then the manager decides again.',
    dialogs: [
      {
        title: 'Your manager has a question',
        help: 'Answer the question below and correct the dates if needed.',
        interface: ['customer'],
        fields: {
          DynamicField_Notes: { display: 'optional', label: 'Question of your manager' },
          DynamicField_LeaveStart: 'required',
          DynamicField_LeaveEnd: 'required',
          DynamicField_LeaveDays: 'required',
          Article: { display: 'required', label: 'Your answer', article: { channel: 'Note', visibleForCustomer: true } },
        },
        submitLabel: 'Send answer',
      },
    ],
  })
  .user('hr-booking', {
    name: 'Book leave in the HR system',
    description: 'HR books the approved leave in the HR system and notes the booking reference.',
    dialogs: [
      {
        title: 'Book approved leave',
        interface: ['agent'],
        permission: 'hr',
        fields: {
          DynamicField_LeaveStart: 'optional',
          DynamicField_LeaveEnd: 'optional',
          DynamicField_LeaveDays: 'optional',
          Article: { display: 'required', label: 'Booking reference', article: { channel: 'Internal' } },
        },
        submitLabel: 'Booked',
      },
    ],
  })
  .end('booked', { name: 'Leave booked', description: 'The leave is approved and booked; the ticket is closed.' })
  .end('rejected', { name: 'Leave rejected', description: 'The manager rejected the leave; the ticket is closed unsuccessfully.' })
  .transition('request-leave', 'manager-approval', {
    id: 'submitted',
    name: 'Request submitted',
    description: 'The manager becomes responsible for the ticket and is asked by e-mail to decide.',
    actions: [
      setResponsible('maria.manager'),
      sendEmail({ to: '{{responsible.Email}}', template: 'approval-requested', name: 'Ask the manager' }),
    ],
  })
  .transition('manager-approval', 'hr-booking', {
    id: 'approved',
    name: 'Approved',
    description: 'The manager approved: the ticket is opened for HR to book the leave, and the employee is told.',
    when: field('DynamicField_Approval').eq('approved'),
    actions: [
      setState('open'),
      setOwner('hanna.hr'),
      sendEmail({ to: '{{customer.Email}}', template: 'leave-decision', name: 'Tell the employee' }),
    ],
  })
  .transition('manager-approval', 'rejected', {
    id: 'rejected',
    name: 'Rejected',
    description: 'The manager rejected: the employee receives the decision with the manager’s reason and the ticket is closed.',
    when: field('DynamicField_Approval').eq('rejected'),
    actions: [
      setState('closed unsuccessful'),
      sendEmail({
        to: '{{customer.Email}}',
        subject: 'Your leave request was rejected',
        body: [
          'Dear {{customer.FirstName}},',
          '',
          'your leave from {{ticket.DynamicField.LeaveStart}} to {{ticket.DynamicField.LeaveEnd}} was not approved.',
          'Reason: {{ticket.DynamicField.Notes}}',
          '',
          'Please talk to {{responsible.FirstName}} {{responsible.LastName}} if you have questions.',
        ].join('\n'),
        name: 'Tell the employee why',
      }),
    ],
  })
  .transition('manager-approval', 'clarify', {
    id: 'question',
    name: 'Question to the employee',
    description: 'The manager left the decision pending: the employee is asked the manager’s question by e-mail.',
    when: field('DynamicField_Approval').eq('pending'),
    actions: [
      sendEmail({
        to: '{{customer.Email}}',
        subject: 'Question about your leave request [{{ticket.TicketNumber}}]',
        body: 'Dear {{customer.FirstName}},\n\nbefore deciding, your manager asks: {{ticket.DynamicField.Notes}}\n\nPlease answer in the portal.',
        name: 'Ask the employee',
      }),
    ],
  })
  .transition('clarify', 'manager-approval', {
    id: 'answered',
    name: 'Employee answered',
    description: 'The employee answered; the manager decides again on the updated request.',
    actions: [sendEmail({ to: '{{responsible.Email}}', template: 'approval-requested', name: 'Remind the manager' })],
  })
  .transition('hr-booking', 'booked', {
    id: 'booked',
    name: 'Leave booked',
    description: 'HR booked the leave; the request is done.',
    actions: [setState('closed successful')],
  })
