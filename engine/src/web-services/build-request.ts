import { AblaufError } from '@ablauf/sdk/errors'
import type { JsonValue } from '@ablauf/sdk/definition'
import type { InvokerConfig, ServiceCall, WebServiceConfig } from './web-service-types.js'

/** A request ready for `fetch`, plus the header names that must never be logged. */
export interface BuiltRequest {
  url: URL
  method: string
  headers: Record<string, string>
  body: string | undefined
  secretHeaders: string[]
}

/** A web service or invoker together with its configured name. */
export interface Named<T> {
  name: string
  config: T
}

/**
 * Assembles the HTTP request of a call: base URL (the test one for test tickets), the invoker's path
 * with `{{name}}` (or `{name}`) filled from `path.name` — or else from the request value whose last
 * segment is `name`, e.g. `body.serial` —, `query.*` parameters, `headers.*`, a JSON body from `body.*`
 * (dotted paths nest; numeric segments make arrays), auth from environment variables and the
 * `Idempotency-Key`. Configuration problems throw `CONFIG_INVALID`, bad request paths `BAD_REQUEST`.
 */
export function buildRequest(
  service: Named<WebServiceConfig>,
  invoker: Named<InvokerConfig>,
  call: ServiceCall,
  env: Readonly<Record<string, string | undefined>>,
): BuiltRequest {
  const base = call.test ? service.config.testBaseUrl : service.config.baseUrl
  if (base === undefined) throw new AblaufError('CONFIG_INVALID', `web service "${service.name}" has no testBaseUrl for test-mode tickets`, { webService: service.name })
  const params: Record<string, string> = {}
  const query: [string, string][] = []
  const headers: Record<string, string> = { accept: 'application/json', ...lower(service.config.headers) }
  let body: Record<string, JsonValue> | undefined
  for (const [path, value] of Object.entries(call.request)) {
    const dot = path.indexOf('.')
    const root = dot < 0 ? path : path.slice(0, dot)
    const rest = dot < 0 ? '' : path.slice(dot + 1)
    if (rest === '') throw new AblaufError('BAD_REQUEST', `request path "${path}" names no field; use body.x, query.x, headers.X or path.x`, { path })
    if (root === 'body') setPath((body ??= {}), rest.split('.'), value)
    else if (root === 'query') query.push([rest, value])
    else if (root === 'headers' || root === 'header') headers[rest.toLowerCase()] = value
    else if (root === 'path') params[rest] = value
    else throw new AblaufError('BAD_REQUEST', `request path "${path}" must start with body., query., headers. or path.`, { path })
  }
  const path = invoker.config.path.replace(/\{\{\s*([^}\s]+)\s*\}\}|\{([^}]+)\}/g, (_m, double: string | undefined, single: string | undefined) => {
    const name = double ?? single ?? ''
    const value = params[name] ?? Object.entries(call.request).find(([p]) => p.split('.').at(-1) === name)?.[1]
    if (value === undefined) throw new AblaufError('BAD_REQUEST', `invoker "${invoker.name}" path needs "path.${name}" in the request`, { path: invoker.config.path })
    return encodeURIComponent(value)
  })
  const url = new URL(joinUrl(base, path))
  for (const [k, v] of query) url.searchParams.append(k, v)
  if (body !== undefined) {
    if (invoker.config.method === 'GET') throw new AblaufError('BAD_REQUEST', `invoker "${invoker.name}" is a GET and cannot send body fields`, { invoker: invoker.name })
    headers['content-type'] = 'application/json'
  }
  headers['idempotency-key'] = call.key
  const secretHeaders = applyAuth(headers, service, env)
  return { url, method: invoker.config.method, headers, body: body === undefined ? undefined : JSON.stringify(body), secretHeaders }
}

function applyAuth(headers: Record<string, string>, service: Named<WebServiceConfig>, env: Readonly<Record<string, string | undefined>>): string[] {
  const auth = service.config.auth
  const read = (name: string): string => {
    const value = env[name]
    if (value === undefined || value === '') throw new AblaufError('CONFIG_INVALID', `web service "${service.name}" needs the environment variable ${name}`, { webService: service.name, env: name })
    return value
  }
  switch (auth.type) {
    case 'none':
      return []
    case 'bearer':
      headers.authorization = `Bearer ${read(auth.tokenEnv)}`
      return ['authorization']
    case 'basic':
      headers.authorization = `Basic ${Buffer.from(`${read(auth.userEnv)}:${read(auth.passwordEnv)}`).toString('base64')}`
      return ['authorization']
    case 'header':
      headers[auth.header.toLowerCase()] = read(auth.valueEnv)
      return [auth.header.toLowerCase()]
  }
}

function setPath(target: Record<string, JsonValue> | JsonValue[], segments: string[], value: string): void {
  const [head, ...rest] = segments
  if (head === undefined) return
  const container = target as Record<string, JsonValue>
  if (rest.length === 0) {
    container[head] = value
    return
  }
  const next = container[head]
  const child = typeof next === 'object' && next !== null ? next : /^\d+$/.test(rest[0] ?? '') ? [] : {}
  container[head] = child
  setPath(child, rest, value)
}

function joinUrl(base: string, path: string): string {
  if (path === '') return base
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`
}

function lower(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
}
