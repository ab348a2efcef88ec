import { describe, expect, it } from 'vitest'
import { createTicketSnapshot } from '../testing/ticket-snapshot.js'
import { definition } from './fixtures/definitions.js'
import { matchStart } from './match-start.js'

const proc = (id: string, priority: number, queue: string, state: 'active' | 'fade-away' = 'active') =>
  definition({
    id,
    name: id,
    state,
    start: { on: 'ticket.created', when: { op: 'eq', field: 'Queue', value: queue }, activity: 'end', priority },
    activities: [{ id: 'end', name: 'End', kind: 'end' }],
    transitions: [],
  })

describe('matchStart', () => {
  const ticket = createTicketSnapshot({ Queue: 'Service Desk' })

  it('starts the matching active process with the highest priority, then the lowest id, and lists the others', () => {
    const defs = [proc('b-low', 0, 'Service Desk'), proc('z-high', 5, 'Service Desk'), proc('a-high', 5, 'Service Desk'), proc('other', 9, 'Raw')]
    const { definition: chosen, others } = matchStart(defs, ticket)
    expect(chosen?.id).toBe('a-high')
    expect(others.map((d) => d.id)).toEqual(['z-high', 'b-low'])
  })

  it('ignores processes that fade away and those started manually', () => {
    const manual = definition({ id: 'manual', name: 'M', start: { on: 'manual', activity: 'end' }, activities: [{ id: 'end', name: 'End', kind: 'end' }], transitions: [] })
    expect(matchStart([proc('old', 9, 'Service Desk', 'fade-away'), manual], ticket)).toEqual({ definition: undefined, others: [] })
  })
})
