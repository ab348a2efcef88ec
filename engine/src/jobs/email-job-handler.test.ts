import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { processDefinitionSchema } from '@ablauf/sdk/definition'
import { startRuntimeHarness, type RuntimeHarness } from '../runtime/test-support/runtime-harness.js'

let h: RuntimeHarness
beforeEach(async () => {
  h = await startRuntimeHarness()
  // Waits until the ticket is pending, then mails the customer.
  await h.deploy(processDefinitionSchema.parse({
    apiVersion: 'ablauf/v1',
    id: 'notify-on-pending',
    name: 'Notify on pending',
    start: { on: 'ticket.created', activity: 'wait-pending' },
    activities: [{ id: 'wait-pending', name: 'Wait', kind: 'wait' }, { id: 'end', name: 'End', kind: 'end' }],
    transitions: [{
      id: 'pending',
      from: 'wait-pending',
      to: 'end',
      condition: { op: 'eq', field: 'State', value: 'pending reminder' },
      actions: [{ type: 'sendEmail', to: ['{{customer.Email}}'], cc: ['{{owner.Email}}'], subject: 'Waiting for you', body: 'Ticket {{ticket.TicketNumber}}' }],
    }],
  }))
})
afterEach(async () => {
  await h.close()
})

async function makePending(ticketId: string): Promise<void> {
  await h.store.transaction((tx) => tx.tickets.update(ticketId, { fields: { State: 'pending reminder' }, dynamicFields: {} }, h.clock.now().toISOString()))
  await h.runtime.ticketUpdated(ticketId, { kind: 'agent', login: 'agent1' })
}

describe('e-mail jobs', () => {
  it('a waiting instance moves on when the ticket is updated, and its mail is sent once', async () => {
    const ticket = await h.openTicket({ Title: 'Pending soon', Owner: 'agent1' })
    await h.runtime.ticketUpdated(ticket.id, { kind: 'system' })
    expect(await h.worker.runOnce()).toBe(0)
    await makePending(ticket.id)
    expect(await h.worker.runOnce()).toBe(1)
    expect(h.smtp.received.map((m) => m.to.sort())).toEqual([['agent1@example.com', 'jane@example.com']])
    expect(h.smtp.received[0]?.raw).toContain(`Ticket ${ticket.number}`)
    const [email] = await h.store.transaction((tx) => tx.emails.list({ ticketId: ticket.id }))
    expect(email).toMatchObject({ status: 'sent', test: false, subject: 'Waiting for you' })
  })

  it('retries a rejected mail with backoff and fails it for good after its attempts', async () => {
    h.smtp.fail(true)
    const ticket = await h.openTicket({ Title: 'Pending soon' })
    await makePending(ticket.id)
    await h.worker.runOnce()
    const [job] = await h.store.transaction((tx) => tx.jobs.list({ ticketId: ticket.id }))
    expect(job).toMatchObject({ kind: 'email', status: 'failed', attempts: 5 })
    const [email] = await h.store.transaction((tx) => tx.emails.list({ ticketId: ticket.id }))
    expect(email?.status).toBe('failed')
    const attempts = (await h.store.transaction((tx) => tx.history.listForTicket(ticket.id))).filter((r) => r.entry.type === 'job.attempt')
    expect(attempts).toHaveLength(5)
    expect(attempts.at(-1)?.entry).toMatchObject({ message: expect.stringContaining('not sent after 5 attempt(s)') })
  })
})
