import type { ServiceResponse } from '@ablauf/sdk/runtime'
import type { InvokeResult, ServiceCall } from './web-service-types.js'

/**
 * Judges a response by the activity's `failOn` — by default every status outside 200–299 fails —
 * and its error-code path. 5xx, 408 and 429 failures are transient (worth a retry); the rest final.
 */
export function classifyResponse(call: ServiceCall, response: ServiceResponse): InvokeResult {
  const statuses = call.failOn?.statuses
  const failed = statuses === undefined ? response.status < 200 || response.status > 299 : statuses.includes(response.status)
  const target = `${call.webService}/${call.invoker}`
  if (failed) {
    const transient = response.status >= 500 || response.status === 408 || response.status === 429
    return { ok: false, error: { code: 'HTTP_STATUS', message: `${target} answered HTTP ${response.status}`, status: response.status }, response, transient }
  }
  const codePath = call.failOn?.errorCodePath
  if (codePath !== undefined) {
    const code = readBodyPath(response, codePath)
    if (code !== undefined && code !== null && (call.failOn?.errorCodes ?? []).includes(String(code))) {
      return { ok: false, error: { code: 'ERROR_CODE', message: `${target} returned error code ${String(code)}`, status: response.status }, response, transient: false }
    }
  }
  return { ok: true, response }
}

function readBodyPath(response: ServiceResponse, path: string): unknown {
  const [root, ...rest] = path.split('.')
  if (root === 'status') return response.status
  if (root === 'headers') return response.headers?.[rest.join('.').toLowerCase()]
  let node: unknown = response.body
  for (const segment of rest) {
    if (typeof node !== 'object' || node === null) return undefined
    node = Array.isArray(node) ? node[Number(segment)] : (node as Record<string, unknown>)[segment]
  }
  return node
}
