import { simulate, type Scenario, type ServiceStub } from '@ablauf/sdk/testing'
import { describe, expect, it } from 'vitest'
import incidentTriage from './incident-triage.process.js'
import { builtInScriptStubs } from './test-support/script-stubs.js'
import { target } from './test-support/demo-target.js'

const agentSolution = { article: { subject: 'Solved', body: 'Replaced the power supply.' }, as: 'anna.agent' }

function laptopTicket(warranty: ServiceStub): Scenario {
  return {
    ticket: { Title: 'Laptop does not boot', Queue: 'Service Desk', CustomerUser: 'c.miller', CustomerID: 'ACME', DynamicField_Serial: 'SN-4711' },
    scripts: builtInScriptStubs,
    services: { 'ERP/WarrantyLookup': warranty },
    target,
  }
}

describe('incident triage (the seed flow)', () => {
  it('hardware: checks the warranty, lets the agent confirm, closes and e-mails the customer', () => {
    let serial: string | undefined
    const started = simulate(
      incidentTriage,
      laptopTicket(({ request }) => {
        serial = request['body.serial']
        return { status: 200, body: { status: 'valid' } }
      }),
    )

    expect(started.activity).toBe('confirm')
    expect(serial).toBe('SN-4711')
    expect(started.ticket.Queue).toBe('Hardware')
    expect(started.ticket.DynamicField).toMatchObject({ Category: 'hardware', Warranty: 'valid' })
    expect(started.openTasks.map((t) => t.dialogs[0]?.fields)).toEqual([
      ['DynamicField_Category', 'DynamicField_Warranty', 'DynamicField_Notes', 'Article'],
    ])

    const done = started.submit('confirm', { DynamicField_Category: 'hardware' }, agentSolution)
    expect(done.status).toBe('completed')
    expect(done.path).toEqual(['classify', 'check-warranty', 'confirm', 'resolved'])
    expect(done.transitions).toEqual(['hardware', 'warranty-known', 'resolve'])
    expect(done.ticket.State).toBe('closed successful')
    expect(done.emails).toEqual([
      expect.objectContaining({
        to: ['c.miller@acme.example'],
        template: 'ticket-resolved',
        body: 'Dear Carla,\n\nyour request "Laptop does not boot" has been resolved.\n',
      }),
    ])
    expect(done.incidents).toEqual([])
  })

  it('not hardware: skips the warranty lookup and goes straight to the agent', () => {
    const started = simulate(incidentTriage, {
      ...laptopTicket({ status: 500 }),
      ticket: { Title: 'VPN drops every hour', Queue: 'Service Desk', CustomerUser: 'j.doe' },
    })

    expect(started.activity).toBe('confirm')
    expect(started.ticket.Queue).toBe('Service Desk')
    expect(started.ticket.DynamicField['Category']).toBe('network')
    expect(started.history.some((h) => h.type === 'service.succeeded' || h.type === 'service.failed')).toBe(false)

    const done = started.submit('confirm', { DynamicField_Category: 'network' }, agentSolution)
    expect(done.path).toEqual(['classify', 'confirm', 'resolved'])
    expect(done.transitions).toEqual(['not-hardware', 'resolve'])
    expect(done.emails.map((e) => e.to)).toEqual([['j.doe@acme.example']])
  })

  it('an unclassified ticket also reaches the agent, who picks the category', () => {
    const started = simulate(incidentTriage, { ...laptopTicket({ status: 500 }), ticket: { Title: 'Question about my bill', Queue: 'Service Desk' } })
    expect(started.ticket.DynamicField['Category']).toBeUndefined()
    expect(started.activity).toBe('confirm')
    expect(() => started.submit('confirm', {}, agentSolution)).toThrow(/Category/)
  })

  const failures: Array<[string, ServiceStub, RegExp]> = [
    ['answers with an HTTP error', { status: 503, body: { message: 'maintenance' } }, /HTTP 503/],
    ['does not know the serial number', { status: 200, body: { errorCode: 'SERIAL_UNKNOWN' } }, /error code SERIAL_UNKNOWN/],
    ['times out on every attempt', { error: 'TIMEOUT' }, /no answer within 5000 ms/],
  ]
  it.each(failures)('when the ERP %s: error handling & log, then the agent confirms by hand', (_, warranty, message) => {
    const started = simulate(incidentTriage, laptopTicket(warranty))

    expect(started.activity).toBe('confirm')
    expect(started.path).toEqual(['classify', 'check-warranty', 'record-lookup-failure', 'confirm'])
    expect(started.transitions).toEqual(['hardware', 'warranty-lookup-failed', 'failure-logged'])
    expect(started.ticket.DynamicField).toMatchObject({ Category: 'hardware', Warranty: 'unknown' })
    expect(started.ticket.DynamicField['Notes']).toBe('Warranty lookup in the ERP failed for serial "SN-4711"; check the warranty manually.')
    expect(started.articles).toEqual([
      expect.objectContaining({ subject: 'Warranty lookup failed', body: started.ticket.DynamicField['Notes'], channel: 'Internal', visibleForCustomer: false }),
    ])
    expect(started.history).toContainEqual(expect.objectContaining({ type: 'service.failed', activity: 'check-warranty', message: expect.stringMatching(message) }))
    expect(started.incidents).toEqual([])

    const done = started.submit('confirm', { DynamicField_Category: 'hardware', DynamicField_Warranty: 'expired' }, agentSolution)
    expect(done.path.at(-1)).toBe('resolved')
    expect(done.ticket.DynamicField['Warranty']).toBe('expired')
    expect(done.emails).toHaveLength(1)
  })

  it('retries a timeout twice before giving up, and a retry that answers keeps the normal path', () => {
    const timeouts = simulate(incidentTriage, laptopTicket({ error: 'TIMEOUT' }))
    expect(timeouts.history).toContainEqual(expect.objectContaining({ type: 'service.failed', attempts: 3 }))

    const flaky = simulate(incidentTriage, laptopTicket([{ error: 'TIMEOUT' }, { status: 200, body: { status: 'expired' } }]))
    expect(flaky.transitions).toEqual(['hardware', 'warranty-known'])
    expect(flaky.ticket.DynamicField['Warranty']).toBe('expired')
    expect(flaky.history).toContainEqual(expect.objectContaining({ type: 'service.succeeded', attempts: 2 }))
  })
})
