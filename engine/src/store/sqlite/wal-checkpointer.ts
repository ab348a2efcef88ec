import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

// Runs in the worker thread (CommonJS, as `eval` workers are): its own connection, PASSIVE checkpoints.
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.path)
db.pragma('busy_timeout = 1000')
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)') } catch {} }
const timer = setInterval(checkpoint, workerData.intervalMs)
parentPort.on('message', () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

/** A background WAL checkpointer; `close()` stops it and closes its connection. */
export interface WalCheckpointer {
  close(): Promise<void>
}

/**
 * Moves WAL checkpoints off the engine's thread: the engine's connection runs with
 * `wal_autocheckpoint = 0`, and a worker thread with a connection of its own copies the WAL into the
 * database file every `intervalMs` (PASSIVE: it never blocks the writer). Otherwise every ~1000th page
 * written makes one COMMIT copy and fsync the whole WAL on the thread that runs the steps. `onFailed`
 * hears of a checkpointer that died (the store then checkpoints on its own thread again).
 */
export function startWalCheckpointer(path: string, intervalMs: number, onFailed: (err: Error) => void): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  const worker = new Worker(SOURCE, { eval: true, workerData: { path, driver, intervalMs } })
  worker.unref()
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  worker.on('error', onFailed)
  return {
    async close() {
      // Referenced while it closes: an unreferenced worker would let the process end before its exit.
      worker.ref()
      worker.postMessage('close')
      await exited
    },
  }
}
