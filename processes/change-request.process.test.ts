import { matchStart } from '@ablauf/sdk/runtime'
import { createTicketSnapshot, simulate } from '@ablauf/sdk/testing'
import { describe, expect, it } from 'vitest'
import changeRequest from './change-request.process.js'
import changeRiskAssessment from './change-risk-assessment.process.js'
import { target } from './test-support/demo-target.js'

const changeTicket = { Title: 'Upgrade the ERP database', Queue: 'Change Management', Type: 'Change', CustomerUser: 's.kim', CustomerID: 'GLOBEX' }
const chris = { as: 'chris.change' }
const rationale = { subject: 'Assessment', body: 'Rolling upgrade with a tested rollback.' }

/** A change request whose risk assessment (the sub-process) waits for the change manager. */
function requested() {
  return simulate(changeRequest, { ticket: changeTicket, subprocesses: [changeRiskAssessment], target })
}

describe('change request', () => {
  it('starts the risk assessment as a sub-process on the same ticket and waits for it', () => {
    const run = requested()
    expect(run.activity).toBe('risk-assessment')
    expect(run.waiting?.for).toBe('subprocess')
    expect(run.children.map((c) => [c.instance.processId, c.instance.ticketId, c.instance.activity])).toEqual([
      ['change-risk-assessment', run.ticket.id, 'assess-risk'],
    ])
    expect(run.openTasks.map((t) => [t.processId, t.activity])).toEqual([['change-risk-assessment', 'assess-risk']])
  })

  it('low risk, local impact: a standard change is implemented without the CAB and followed by a linked review', () => {
    const assessed = requested().submit('assess-risk', { DynamicField_Impact: 'department', DynamicField_ChangeRisk: 'low' }, { ...chris, article: rationale })
    expect(assessed.children[0]?.path).toEqual(['assess-risk', 'assessed'])
    expect(assessed.children[0]?.instance.status).toBe('completed')
    expect(assessed.activity).toBe('implement')
    expect(assessed.ticket.DynamicField['Approval']).toBe('approved')
    expect(assessed.emails).toEqual([])

    const done = assessed.submit('implement', {}, { ...chris, article: { subject: 'Done', body: 'Upgraded in the Saturday window.' } })
    expect(done.status).toBe('completed')
    expect(done.path).toEqual(['risk-assessment', 'implement', 'implemented'])
    expect(done.transitions).toEqual(['standard-change', 'implemented'])
    expect(done.ticket.State).toBe('closed successful')
    expect(done.emails).toEqual([expect.objectContaining({ to: ['s.kim@globex.example'], template: 'ticket-resolved' })])
    expect(done.createdTickets).toEqual([
      expect.objectContaining({
        action: expect.objectContaining({
          title: 'Post-implementation review: Upgrade the ERP database',
          queue: 'Change Management',
          owner: 'chris.change',
          link: 'ParentChild',
          dynamicFields: { Approval: 'approved', ChangeRisk: 'low' },
          article: expect.objectContaining({ body: 'Check one week after go-live that change 2025010110000001 works as intended.' }),
        }),
      }),
    ])
  })

  it('high risk, company-wide: the CAB is asked and its approval leads to the implementation', () => {
    const assessed = requested().submit('assess-risk', { DynamicField_Impact: 'company', DynamicField_ChangeRisk: 'high' }, chris)
    expect(assessed.children[0]?.transitions).toEqual(['ratings-agree'])
    expect(assessed.activity).toBe('cab-approval')
    expect(assessed.ticket).toMatchObject({ Priority: '4 high', DynamicField: expect.objectContaining({ Approval: 'pending' }) })
    expect(assessed.emails).toEqual([expect.objectContaining({ to: ['cab@example.com'], template: 'approval-requested' })])

    const deferred = assessed.submit('cab-approval', { DynamicField_Approval: 'pending' }, { as: 'maria.manager' })
    expect(deferred.activity).toBe('cab-approval')

    const approved = deferred.submit('cab-approval', { DynamicField_Approval: 'approved', DynamicField_Notes: 'Only on a weekend.' }, { as: 'maria.manager' })
    expect(approved.activity).toBe('implement')
    const done = approved.submit('implement', {}, { ...chris, article: { subject: 'Done', body: 'Live.' } })
    expect(done.path).toEqual(['risk-assessment', 'cab-approval', 'implement', 'implemented'])
    expect(done.transitions).toEqual(['needs-cab', 'cab-approved', 'implemented'])
  })

  it('the CAB rejects: the requester gets the reason and nothing is implemented', () => {
    const rejected = requested()
      .submit('assess-risk', { DynamicField_Impact: 'company', DynamicField_ChangeRisk: 'high' }, chris)
      .submit('cab-approval', { DynamicField_Approval: 'rejected', DynamicField_Notes: 'No rollback plan.' }, { as: 'maria.manager' })
    expect(rejected.path).toEqual(['risk-assessment', 'cab-approval', 'rejected'])
    expect(rejected.ticket.State).toBe('closed unsuccessful')
    expect(rejected.emails.at(-1)).toMatchObject({ to: ['s.kim@globex.example'], subject: 'Change rejected: Upgrade the ERP database' })
    expect(rejected.emails.at(-1)?.body).toContain('Reason: No rollback plan.')
    expect(rejected.createdTickets).toEqual([])
  })

  it('ratings that disagree get a manager’s second opinion before the change request goes on', () => {
    const disputed = requested().submit('assess-risk', { DynamicField_Impact: 'company', DynamicField_ChangeRisk: 'low' }, chris)
    expect(disputed.activity).toBe('risk-assessment')
    expect(disputed.openTasks.map((t) => t.activity)).toEqual(['second-opinion'])
    expect(disputed.ticket.Owner).toBe('maria.manager')

    // Still company-wide, so the CAB decides even though the risk is confirmed as medium.
    const confirmed = disputed.submit('second-opinion', { DynamicField_ChangeRisk: 'medium' }, { as: 'maria.manager', article: rationale })
    expect(confirmed.children[0]?.path).toEqual(['assess-risk', 'second-opinion', 'assessed'])
    expect(confirmed.ticket.Owner).toBe('chris.change')
    expect(confirmed.activity).toBe('cab-approval')

    const localHighRisk = requested().submit('assess-risk', { DynamicField_Impact: 'single user', DynamicField_ChangeRisk: 'high' }, chris)
    expect(localHighRisk.openTasks.map((t) => t.activity)).toEqual(['second-opinion'])
    const downgraded = localHighRisk.submit('second-opinion', { DynamicField_ChangeRisk: 'medium' }, { as: 'maria.manager', article: rationale })
    expect(downgraded.activity).toBe('implement')
  })

  it('starts only on new changes in Change Management, not on the review tickets it opens', () => {
    const definitions = [changeRequest.toDefinition(), changeRiskAssessment.toDefinition()]
    const started = (ticket: Parameters<typeof createTicketSnapshot>[0]) => matchStart(definitions, createTicketSnapshot(ticket)).definition?.id
    expect(started(changeTicket)).toBe('change-request')
    expect(started({ ...changeTicket, Type: 'Incident' })).toBeUndefined()
    expect(started({ ...changeTicket, Queue: 'Software' })).toBeUndefined()
    expect(started({ Title: 'Post-implementation review: Upgrade the ERP database', Queue: 'Change Management', Type: 'Change', DynamicField_Approval: 'approved' })).toBeUndefined()
  })
})
