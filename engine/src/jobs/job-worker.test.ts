import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { seedProcess } from '../runtime/test-support/seed-process.js'
import { startRuntimeHarness, type RuntimeHarness } from '../runtime/test-support/runtime-harness.js'

let h: RuntimeHarness
beforeEach(async () => {
  h = await startRuntimeHarness()
  await h.deploy(seedProcess())
  h.stub.reply(() => ({ status: 200, body: { status: 'valid' } }))
})
afterEach(async () => {
  await h.close()
})

describe('job worker', () => {
  it('runs jobs announced by wake() while it is polling, without sleeping its poll interval first', async () => {
    // An hour between polls: only wake-ups can get these jobs run while the test waits.
    const worker = h.newWorker('worker-wake', 3_600_000)
    worker.start()
    try {
      const tickets = await Promise.all(
        Array.from({ length: 40 }, async (_, i) => {
          const ticket = await h.openTicket({ Title: `Laptop ${i} does not boot`, DynamicField: { Serial: `SN-${i}` } })
          worker.wake()
          return ticket
        }),
      )
      await vi.waitFor(
        async () => {
          const waiting = await h.store.transaction((tx) => tx.userTasks.listOpen({}))
          expect(waiting.map((t) => t.ticketId).sort()).toEqual(tickets.map((t) => t.id).sort())
        },
        { timeout: 20_000, interval: 20 },
      )
      expect(h.stub.requests).toHaveLength(40)
    } finally {
      await worker.stop()
    }
  })
})
