import { Client, type ClientConfig } from 'pg'
import type { Logger } from 'pino'

/** A LISTEN connection that calls its subscribers on every notification of one channel. */
export interface PgListener {
  /** Calls `cb` on every notification; returns the unsubscribe function. */
  subscribe(cb: () => void): () => void
  close(): Promise<void>
}

/**
 * Listens on `channel` with a connection of its own (not from the pool: LISTEN is per session). The
 * connection opens with the first subscriber and reconnects after errors; notifications missed while
 * it is down only cost latency, since workers poll as well. Subscribers are also called on every
 * (re)connect, to catch up on what was missed.
 */
export function createPgListener(config: ClientConfig, channel: string, logger: Logger, reconnectMs = 1000): PgListener {
  const subscribers = new Set<() => void>()
  let client: Client | undefined
  let connecting: Promise<void> | undefined
  let retry: NodeJS.Timeout | undefined
  let closed = false

  const fire = (): void => {
    for (const cb of subscribers) cb()
  }

  const connect = (): Promise<void> =>
    (connecting ??= (async () => {
      const c = new Client(config)
      c.on('notification', (n) => {
        if (n.channel === channel) fire()
      })
      c.on('error', (err) => {
        logger.warn({ err, channel }, 'listen connection lost; reconnecting')
        drop(c)
      })
      try {
        await c.connect()
        await c.query(`LISTEN ${channel}`)
        if (closed) {
          await c.end()
          return
        }
        client = c
        fire()
      } catch (err) {
        logger.warn({ err, channel }, 'listen connection failed; retrying')
        drop(c)
      } finally {
        connecting = undefined
      }
    })())

  function drop(c: Client): void {
    if (client === c) client = undefined
    c.end().catch(() => undefined)
    if (!closed && subscribers.size > 0 && retry === undefined) {
      retry = setTimeout(() => {
        retry = undefined
        if (!closed && client === undefined) void connect()
      }, reconnectMs)
      retry.unref()
    }
  }

  return {
    subscribe(cb) {
      subscribers.add(cb)
      if (client === undefined && !closed) void connect()
      return () => {
        subscribers.delete(cb)
      }
    },
    async close() {
      closed = true
      if (retry !== undefined) clearTimeout(retry)
      await connecting
      const c = client
      client = undefined
      await c?.end().catch(() => undefined)
    },
  }
}
