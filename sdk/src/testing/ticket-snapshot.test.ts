import { describe, expect, it } from 'vitest'
import { createRuntimeEnv } from './runtime-env.js'
import { createTicketSnapshot } from './ticket-snapshot.js'

describe('createTicketSnapshot', () => {
  it('fills sensible defaults and accepts dynamic fields flat or nested', () => {
    const t = createTicketSnapshot({ Title: 'Printer', DynamicField: { A: 'x' }, DynamicField_B: ['y'] })
    expect(t).toMatchObject({ Title: 'Printer', Queue: 'Raw', State: 'new', Lock: 'unlock', test: true, DynamicField: { A: 'x', B: ['y'] } })
    expect(t).not.toHaveProperty('DynamicField_B')
  })
})

describe('createRuntimeEnv', () => {
  it('finds agents and customer users of a target by login and kind', () => {
    const env = createRuntimeEnv({
      users: [{ login: 'jdoe', firstName: 'John', email: 'john@example.com' }],
      customerUsers: [{ login: 'jdoe', customerId: 'ACME', email: 'customer-john@acme.example' }],
    })
    expect(env.person('jdoe', 'user')?.Email).toBe('john@example.com')
    expect(env.person('jdoe', 'customer')).toMatchObject({ Email: 'customer-john@acme.example', CustomerID: 'ACME' })
    expect(env.person('nobody', 'user')).toBeUndefined()
  })
})
