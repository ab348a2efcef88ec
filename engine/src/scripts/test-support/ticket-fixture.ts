import type { TicketSnapshot } from '@ablauf/sdk/runtime'
import { createTicketSnapshot } from '@ablauf/sdk/testing'

/** A plain ticket for script tests (a Service Desk laptop ticket of jane@ACME); override what the test is about. */
export function ticketFixture(overrides: Partial<TicketSnapshot> = {}): TicketSnapshot {
  return createTicketSnapshot({ Title: 'Laptop does not boot', CustomerUser: 'jane', CustomerID: 'ACME', ...overrides })
}
