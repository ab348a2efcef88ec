import { request as undiciRequest } from 'undici'
import type { BuiltRequest } from './build-request.js'

/** A response as the invoker reads it: status, body text and lower-case header names. */
export interface TransportResponse {
  status: number
  text: string
  headers: Record<string, string>
}

/** Sends one request; rejects on network failure or when `signal` aborts (the timeout). */
export type HttpTransport = (request: BuiltRequest, signal: AbortSignal) => Promise<TransportResponse>

/**
 * The default transport: undici's `request` over its keep-alive connection pool. It is undici's own
 * lower-level API under `fetch`, without the WHATWG streams and Request/Response objects — about a
 * fifth of fetch's CPU per call, which matters when every service task makes one. Redirects are not
 * followed: a 3xx is the answer, classified like any other status.
 */
export const undiciTransport: HttpTransport = async (request, signal) => {
  const res = await undiciRequest(request.url, {
    method: request.method as 'GET',
    headers: request.headers,
    body: request.body ?? null,
    signal,
  })
  const text = await res.body.text()
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return { status: res.statusCode, text, headers }
}

/** A transport over a WHATWG `fetch` (tests inject one to reroute or observe calls). */
export function fetchTransport(doFetch: typeof globalThis.fetch): HttpTransport {
  return async (request, signal) => {
    const res = await doFetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal, redirect: 'manual' })
    return { status: res.status, text: await res.text(), headers: Object.fromEntries(res.headers) }
  }
}
