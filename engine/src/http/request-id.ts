import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/

/** The request id: the caller's `X-Request-Id` when it is sane, else a new UUID; echoed in the response. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id']
  const id = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID()
  res.setHeader('X-Request-Id', id)
  return id
}
