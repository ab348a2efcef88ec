import { describe, expect, it } from 'vitest'
import type { Effect } from '@ablauf/sdk/runtime'
import { coalesceTicketUpdates } from './effect-writer.js'

const update = (fields: Record<string, string | null>, dynamicFields: Record<string, string | null>): Effect =>
  ({ type: 'ticket.update', changes: { fields, dynamicFields } }) as Effect

describe('coalesceTicketUpdates', () => {
  it('folds adjacent ticket updates into one in which later changes win, and keeps every other effect in place', () => {
    const close: Effect = { type: 'task.close', activity: 'confirm' }
    const effects = [
      update({ Queue: 'Hardware' }, { Category: 'hardware', Serial: 'SN-1' }),
      update({ Queue: 'Service Desk', State: 'open' }, { Serial: null }),
      close,
      update({ Owner: null }, {}),
    ]
    expect(coalesceTicketUpdates(effects)).toEqual([
      update({ Queue: 'Service Desk', State: 'open' }, { Category: 'hardware', Serial: null }),
      close,
      update({ Owner: null }, {}),
    ])
  })
})
