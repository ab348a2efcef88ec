import type { FieldValue, JsonValue, ServiceActivity } from '../definition/index.js'
import type { ServiceResponse } from './runtime-types.js'

/** What a service response means for the process: field values to write, or a failure. */
export type ServiceOutcome =
  | { ok: true; values: Record<string, FieldValue> }
  | { ok: false; error: { code: 'HTTP_STATUS' | 'ERROR_CODE'; message: string; status: number } }

/**
 * Judges a response by the activity's `failOn` (by default every status outside 200–299 fails) and
 * maps its `output` paths (`body.…`, `status`, `headers.…`) to ticket fields. Missing paths write nothing.
 */
export function serviceOutcome(activity: ServiceActivity, response: ServiceResponse): ServiceOutcome {
  const statuses = activity.failOn?.statuses
  const statusFails = statuses === undefined ? response.status < 200 || response.status > 299 : statuses.includes(response.status)
  if (statusFails) return { ok: false, error: { code: 'HTTP_STATUS', message: `${activity.webService}/${activity.invoker} answered HTTP ${response.status}`, status: response.status } }
  const codePath = activity.failOn?.errorCodePath
  if (codePath !== undefined) {
    const code = readPath(response, codePath)
    if (code !== undefined && code !== null && (activity.failOn?.errorCodes ?? []).includes(String(code))) {
      return { ok: false, error: { code: 'ERROR_CODE', message: `${activity.webService}/${activity.invoker} returned error code ${String(code)}`, status: response.status } }
    }
  }
  const values: Record<string, FieldValue> = {}
  for (const [path, field] of Object.entries(activity.output)) {
    const value = readPath(response, path)
    if (value !== undefined) values[field] = toFieldValue(value)
  }
  return { ok: true, values }
}

/** `body.items.0.id` into `{ status, body, headers }`; header names are case-insensitive. */
export function readPath(response: ServiceResponse, path: string): JsonValue | undefined {
  const [root, ...rest] = path.split('.')
  if (root === 'status') return rest.length === 0 ? response.status : undefined
  if (root === 'headers') {
    const name = rest.join('.').toLowerCase()
    const entry = Object.entries(response.headers ?? {}).find(([k]) => k.toLowerCase() === name)
    return entry?.[1]
  }
  if (root !== 'body') return undefined
  let node: JsonValue | undefined = response.body
  for (const segment of rest) {
    if (Array.isArray(node)) node = node[Number(segment)]
    else if (node !== null && typeof node === 'object') node = Object.hasOwn(node, segment) ? node[segment] : undefined
    else return undefined
  }
  return node
}

function toFieldValue(value: JsonValue): FieldValue {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[]
  return JSON.stringify(value)
}
