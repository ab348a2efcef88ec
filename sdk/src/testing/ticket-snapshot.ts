import { DYNAMIC_FIELD_PREFIX, type FieldValue } from '../definition/index.js'
import type { TicketSnapshot } from '../runtime/runtime-types.js'

/**
 * A ticket as a test describes it: the snapshot fields it cares about, dynamic fields either as `DynamicField: {…}`
 * or flat as `DynamicField_<Name>` (the way conditions and dialogs name them).
 *
 * @example
 * ```ts
 * const ticket: TicketInput = { Title: 'Laptop broken', DynamicField_Serial: 'SN-1' }
 * ```
 */
export type TicketInput = Partial<TicketSnapshot> & { [field: `DynamicField_${string}`]: FieldValue }

/**
 * A complete {@link TicketSnapshot} from the few fields a test cares about. Defaults: a new, unlocked
 * ticket titled "Test ticket" in queue `Raw`, priority `3 normal`, nobody assigned, test mode on.
 *
 * @example
 * ```ts
 * const ticket = createTicketSnapshot({ Title: 'Laptop broken', Queue: 'Service Desk', DynamicField_Serial: 'X1' })
 * ticket.DynamicField.Serial // 'X1'
 * ```
 */
export function createTicketSnapshot(partial: TicketInput = {}): TicketSnapshot {
  const dynamic: Record<string, FieldValue> = { ...partial.DynamicField }
  const plain: Partial<TicketSnapshot> = {}
  for (const [key, value] of Object.entries(partial)) {
    if (key.startsWith(DYNAMIC_FIELD_PREFIX)) dynamic[key.slice(DYNAMIC_FIELD_PREFIX.length)] = value as FieldValue
    else if (key !== 'DynamicField') Object.assign(plain, { [key]: value })
  }
  return {
    id: '1',
    number: '2025010110000001',
    Title: 'Test ticket',
    Queue: 'Raw',
    State: 'new',
    Priority: '3 normal',
    Type: null,
    Service: null,
    SLA: null,
    Owner: null,
    Responsible: null,
    CustomerUser: null,
    CustomerID: null,
    Lock: 'unlock',
    PendingTime: null,
    test: true,
    ...plain,
    DynamicField: dynamic,
  }
}
