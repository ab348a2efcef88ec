import { simulate } from '@ablauf/sdk/testing'
import { describe, expect, it } from 'vitest'
import leaveRequest from './leave-request.process.js'
import { target } from './test-support/demo-target.js'

const employee = { kind: 'customer', login: 'c.miller' } as const
const leave = { DynamicField_LeaveStart: '2025-03-03', DynamicField_LeaveEnd: '2025-03-07', DynamicField_LeaveDays: 5 }

/** Carla asked for a week off; her manager has it in the inbox. */
function requested() {
  return simulate(leaveRequest, { ticket: { CustomerUser: 'c.miller', CustomerID: 'ACME', Queue: 'Misc' }, target })
    .submit('request-leave', leave, { as: employee, article: { subject: 'Holiday', body: 'Family trip' } })
}

describe('leave request', () => {
  it('starts with the customer’s start dialog and files the request in HR for the manager', () => {
    const started = simulate(leaveRequest, { ticket: { CustomerUser: 'c.miller' }, target })
    expect(started.activity).toBe('request-leave')
    expect(started.openTasks[0]?.dialogs[0]).toMatchObject({
      title: 'Request leave',
      fields: ['Title', 'Queue', 'DynamicField_Approval', 'DynamicField_LeaveStart', 'DynamicField_LeaveEnd', 'DynamicField_LeaveDays', 'Article'],
    })
    expect(() => started.submit('request-leave', { DynamicField_LeaveStart: '2025-03-03' }, { as: employee })).toThrow(/LeaveEnd|LeaveDays/)

    const run = requested()
    expect(run.activity).toBe('manager-approval')
    expect(run.ticket).toMatchObject({ Title: 'Leave request', Queue: 'HR', State: 'new', Responsible: 'maria.manager' })
    expect(run.ticket.DynamicField).toMatchObject({ Approval: 'pending', LeaveStart: '2025-03-03', LeaveEnd: '2025-03-07', LeaveDays: 5 })
    expect(run.emails).toEqual([expect.objectContaining({ to: ['maria.manager@example.com'], template: 'approval-requested' })])
  })

  it('approved: tells the employee, HR books it, the ticket is closed', () => {
    const approved = requested().submit('manager-approval', { DynamicField_Approval: 'approved' }, { as: 'maria.manager' })
    expect(approved.activity).toBe('hr-booking')
    expect(approved.ticket).toMatchObject({ State: 'open', Owner: 'hanna.hr' })
    expect(approved.emails.at(-1)).toMatchObject({ to: ['c.miller@acme.example'], template: 'leave-decision' })

    const booked = approved.submit('hr-booking', {}, { as: 'hanna.hr', article: { subject: 'Booked', body: 'HR-2025-0815' } })
    expect(booked.status).toBe('completed')
    expect(booked.path).toEqual(['request-leave', 'manager-approval', 'hr-booking', 'booked'])
    expect(booked.transitions).toEqual(['submitted', 'approved', 'booked'])
    expect(booked.ticket.State).toBe('closed successful')
    expect(booked.emails).toHaveLength(2)
  })

  it('rejected: e-mails the employee the manager’s reason and closes the ticket unsuccessfully', () => {
    const rejected = requested().submit(
      'manager-approval',
      { DynamicField_Approval: 'rejected', DynamicField_Notes: 'Quarter-end closing that week.' },
      { as: 'maria.manager' },
    )
    expect(rejected.status).toBe('completed')
    expect(rejected.path).toEqual(['request-leave', 'manager-approval', 'rejected'])
    expect(rejected.ticket.State).toBe('closed unsuccessful')
    const mail = rejected.emails.at(-1)
    expect(mail).toMatchObject({ to: ['c.miller@acme.example'], template: null, subject: 'Your leave request was rejected' })
    expect(mail?.body).toContain('Dear Carla,')
    expect(mail?.body).toContain('your leave from 2025-03-03 to 2025-03-07 was not approved.')
    expect(mail?.body).toContain('Reason: Quarter-end closing that week.')
    expect(mail?.body).toContain('Please talk to Maria Manager')
  })

  it('a pending decision asks the employee, whose answer goes back to the manager', () => {
    const asked = requested().submit(
      'manager-approval',
      { DynamicField_Approval: 'pending', DynamicField_Notes: 'Can you start on Tuesday instead?' },
      { as: 'maria.manager' },
    )
    expect(asked.activity).toBe('clarify')
    expect(asked.emails.at(-1)?.subject).toBe('Question about your leave request [2025010110000001]')
    expect(asked.emails.at(-1)?.body).toContain('your manager asks: Can you start on Tuesday instead?')

    const answered = asked.submit(
      'clarify',
      { DynamicField_LeaveStart: '2025-03-04', DynamicField_LeaveEnd: '2025-03-07', DynamicField_LeaveDays: 4 },
      { as: employee, article: { subject: 'Re: question', body: 'Yes, Tuesday works.' } },
    )
    expect(answered.activity).toBe('manager-approval')
    expect(answered.ticket.DynamicField).toMatchObject({ LeaveStart: '2025-03-04', LeaveDays: 4 })
    expect(answered.emails.at(-1)).toMatchObject({ to: ['maria.manager@example.com'], template: 'approval-requested' })

    const approved = answered.submit('manager-approval', { DynamicField_Approval: 'approved' }, { as: 'maria.manager' })
    expect(approved.path).toEqual(['request-leave', 'manager-approval', 'clarify', 'manager-approval', 'hr-booking'])
  })
})
