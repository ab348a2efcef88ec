/**
 * `/ui/api.js`: the JSON API client. The token lives in sessionStorage only and travels in the
 * Authorization header; it never appears in a URL.
 */
export const apiScript = String.raw`
const KEY = 'ablauf.token'

export const session = {
  token: () => sessionStorage.getItem(KEY),
  signIn: (token) => sessionStorage.setItem(KEY, token),
  signOut: () => sessionStorage.removeItem(KEY),
}

export class ApiError extends Error {
  constructor(status, code, message, details, requestId) {
    super(message)
    this.status = status
    this.code = code
    this.details = details ?? {}
    this.requestId = requestId
  }
}

export async function api(method, path, body) {
  const headers = { accept: 'application/json' }
  const token = session.token()
  if (token !== null) headers.authorization = 'Bearer ' + token
  if (body !== undefined) headers['content-type'] = 'application/json'
  let res
  try {
    res = await fetch('/api/v1' + path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store', credentials: 'omit',
    })
  } catch {
    throw new ApiError(0, 'NETWORK', 'The engine cannot be reached. Check that it is running, then try again.')
  }
  const data = await res.json().catch(() => null)
  if (!res.ok) {
    const e = data && typeof data === 'object' ? data.error : undefined
    throw new ApiError(res.status, e?.code ?? 'HTTP_' + res.status, e?.message ?? res.statusText, e?.details, data?.requestId)
  }
  return data
}

let schema
export async function targetSchema() {
  schema ??= api('GET', '/schema').catch((err) => {
    if (err.status === 403) return null
    schema = undefined
    throw err
  })
  return schema
}

let me
/** The signed-in token: { name, scopes, login? } (GET /whoami), asked once per sign-in. */
export async function whoami() {
  me ??= api('GET', '/whoami').catch((err) => {
    me = undefined
    throw err
  })
  return me
}

/** What the token may do, for showing only the actions it can use. */
export function abilities(who) {
  const scopes = who?.scopes ?? []
  const admin = scopes.includes('admin')
  return { admin, readAll: admin || scopes.includes('read') }
}

export function forgetSchema() {
  schema = undefined
  me = undefined
}
`
