import { createServer, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** The ERP stand-in of the crash test: answers `{ status: 'valid' }`, counts calls per Idempotency-Key. */
export interface WarrantyStub {
  url: string
  /** Calls per Idempotency-Key. */
  calls: Map<string, number>
  /** All calls so far. */
  total(): number
  /**
   * Calls `onCall` with the running total at every call; when it returns true the call is held
   * (never answered), so its job is surely in flight when the engine dies.
   */
  hold(onCall: (total: number, key: string) => boolean): void
  close(): Promise<void>
}

/** Starts the stub on a free port of 127.0.0.1. */
export async function startWarrantyStub(): Promise<WarrantyStub> {
  const calls = new Map<string, number>()
  const held = new Set<ServerResponse>()
  let total = 0
  let onCall: (total: number, key: string) => boolean = () => false
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      const header = req.headers['idempotency-key']
      const key = typeof header === 'string' ? header : '(none)'
      calls.set(key, (calls.get(key) ?? 0) + 1)
      total += 1
      if (onCall(total, key)) {
        held.add(res)
        return
      }
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ status: 'valid' }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    total: () => total,
    hold(fn) {
      onCall = fn
    },
    async close() {
      for (const res of held) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
