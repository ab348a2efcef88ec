import type { TicketSnapshot } from '@ablauf/sdk/runtime'

/** A plain ticket for script tests; override what the test is about. */
export function ticketFixture(overrides: Partial<TicketSnapshot> = {}): TicketSnapshot {
  return {
    id: '1',
    number: '2024010100001',
    Title: 'Laptop does not boot',
    Queue: 'Service Desk',
    State: 'new',
    Priority: '3 normal',
    Type: null,
    Service: null,
    SLA: null,
    Owner: null,
    Responsible: null,
    CustomerUser: 'jane',
    CustomerID: 'ACME',
    Lock: 'unlock',
    PendingTime: null,
    DynamicField: {},
    test: false,
    ...overrides,
  }
}
