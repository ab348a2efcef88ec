import { Writable } from 'node:stream'
import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import type { Clock } from '../store/store-port.js'
import { SOURCE, startHarness, type ApiHarness, type TicketBody } from './test-support/api-harness.js'

interface LogLine {
  msg: string
  level: number
  ticketId?: string
  transition?: string
  condition?: { op: string; result: boolean; children?: { field?: string; actual?: unknown; expected?: unknown; result: boolean }[] }
  taken?: boolean
}

/** A root logger at `info` whose JSON lines are kept, as an operator's log would be. */
function capture(): { logger: pino.Logger; lines: LogLine[] } {
  const lines: LogLine[] = []
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString('utf8').split('\n')) if (l !== '') lines.push(JSON.parse(l) as LogLine)
      done()
    },
  })
  return { logger: pino({ level: 'info' }, stream), lines }
}

/** Waits in `waiting` until the ticket is urgent and hardware; then ends. */
const escalation = {
  apiVersion: 'ablauf/v1',
  id: 'escalation',
  name: 'Escalation',
  start: { on: 'ticket.created', activity: 'waiting' },
  activities: [{ id: 'waiting', name: 'Waiting', kind: 'wait' }, { id: 'escalated', name: 'Escalated', kind: 'end' }],
  transitions: [
    {
      id: 'escalate',
      from: 'waiting',
      to: 'escalated',
      condition: { op: 'all', of: [{ op: 'eq', field: 'DynamicField_Urgent', value: true }, { op: 'eq', field: 'Queue', value: 'Hardware' }] },
      actions: [{ type: 'setPriority', priority: '5 very high' }],
    },
  ],
}

describe('trace logging per ticket and per process', () => {
  let h: ApiHarness | undefined
  afterEach(async () => {
    await h?.close()
    h = undefined
  })

  it('logs condition evaluations and transitions considered for a traced ticket only', async () => {
    const { logger, lines } = capture()
    h = await startHarness({ logger })
    expect((await h.call('POST', '/api/v1/deployments', { token: 'deploy', body: { definitions: [escalation], source: SOURCE } })).status).toBe(201)
    const traced = (await h.call<TicketBody>('POST', '/api/v1/tickets', { token: 'anna', body: { Title: 'Traced', Queue: 'Service Desk' } })).body.ticket
    const other = (await h.call<TicketBody>('POST', '/api/v1/tickets', { token: 'anna', body: { Title: 'Other', Queue: 'Service Desk' } })).body.ticket

    const set = await h.call<{ rules: unknown[] }>('PUT', '/api/v1/debug/trace', { body: { ticket: traced.number, level: 'trace', ttlSeconds: 600 } })
    expect(set.status).toBe(200)
    expect(set.body.rules).toEqual([expect.objectContaining({ ticket: traced.number, level: 'trace', source: 'api', expiresAt: expect.any(String) })])

    for (const t of [traced, other]) {
      expect((await h.call('PATCH', `/api/v1/tickets/${t.id}`, { token: 'anna', body: { DynamicField: { Urgent: true } } })).status).toBe(200)
      expect((await h.call('PATCH', `/api/v1/tickets/${t.id}`, { token: 'anna', body: { Queue: 'Hardware' } })).status).toBe(200)
    }

    const conditions = lines.filter((l) => l.msg === 'condition evaluated')
    expect(conditions.length).toBeGreaterThan(0)
    expect(conditions.every((l) => l.ticketId === traced.id)).toBe(true)
    expect(conditions[0]).toMatchObject({
      level: 10,
      transition: 'escalate',
      condition: { op: 'all', result: false, children: [{ field: 'DynamicField_Urgent', actual: true, expected: true, result: true }, { field: 'Queue', actual: 'Service Desk', expected: 'Hardware', result: false }] },
    })
    expect(conditions.at(-1)).toMatchObject({ condition: { result: true } })
    expect(lines.filter((l) => l.msg === 'transition considered' && l.ticketId === traced.id).map((l) => l.taken)).toEqual([false, true])
    expect(lines.some((l) => l.ticketId === other.id && l.level < 30)).toBe(false)
    // Both instances really moved on: the other ticket was only not traced.
    const instances = await h.call<{ instances: { status: string }[] }>('GET', '/api/v1/instances?process=escalation&state=completed', { token: 'read' })
    expect(instances.body.instances).toHaveLength(2)

    expect((await h.call('PUT', '/api/v1/debug/trace', { body: { ticket: traced.number, level: 'off' } })).body).toEqual({ rules: [] })
  })

  it('traces every instance of a process named in the config, and API rules expire', async () => {
    const { logger, lines } = capture()
    let now = new Date('2026-01-01T10:00:00Z')
    const clock: Clock = { now: () => now }
    h = await startHarness({ logger, clock, configure: (c) => ({ ...c, logging: { trace: { processes: ['escalation'], tickets: [] } } }) })
    await h.call('POST', '/api/v1/deployments', { token: 'deploy', body: { definitions: [escalation], source: SOURCE } })
    const t = (await h.call<TicketBody>('POST', '/api/v1/tickets', { token: 'anna', body: { Title: 'Any', Queue: 'Service Desk' } })).body.ticket
    await h.call('PATCH', `/api/v1/tickets/${t.id}`, { token: 'anna', body: { Queue: 'Hardware' } })
    expect(lines.filter((l) => l.msg === 'condition evaluated' && l.ticketId === t.id).length).toBeGreaterThan(0)

    await h.call('PUT', '/api/v1/debug/trace', { body: { process: 'other-process', level: 'debug', ttlSeconds: 60 } })
    const rules = async () => (await h?.call<{ rules: { source: string }[] }>('GET', '/api/v1/debug/trace'))?.body.rules.map((r) => r.source)
    expect(await rules()).toEqual(['config', 'api'])
    now = new Date(now.getTime() + 61_000)
    expect(await rules()).toEqual(['config'])
  })
})
