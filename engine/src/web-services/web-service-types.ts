import type { ServiceActivity } from '@ablauf/sdk/definition'
import type { ServiceResponse } from '@ablauf/sdk/runtime'

/** HTTP methods an invoker may use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** How a web service authenticates; secrets are named by environment variable, never written in config. */
export type WebServiceAuth =
  | { type: 'bearer'; tokenEnv: string }
  | { type: 'basic'; usernameEnv: string; passwordEnv: string }
  | { type: 'header'; header: string; valueEnv: string }

/** One operation of a web service (Znuny's invoker): method and path under the base URL. */
export interface InvokerSpec {
  name: string
  method: HttpMethod
  /** Path under the base URL; `{name}` segments are filled from the request's `path.name` entries. */
  path: string
}

/** A web service registered by the admin: where it lives and how to authenticate. */
export interface WebServiceSpec {
  name: string
  baseUrl: string
  /** Where test-mode tickets' calls go instead of `baseUrl`. */
  testBaseUrl?: string
  auth?: WebServiceAuth
  /** Fixed headers sent with every call. */
  headers?: Record<string, string>
  invokers: InvokerSpec[]
}

/** One call, as the job worker takes it from a `service.call` job. */
export interface ServiceCall {
  /** The effect key: sent as `Idempotency-Key`. */
  key: string
  webService: string
  invoker: string
  /** Rendered request values by path: `body.device.serial`, `query.lang`, `headers.X-Trace`, `path.id`. */
  request: Record<string, string>
  timeoutMs: number
  failOn?: ServiceActivity['failOn']
  /** Test-mode ticket: use `testBaseUrl`. */
  test: boolean
}

/** Why a call failed; `TIMEOUT`, `NETWORK` and some HTTP statuses are worth another attempt. */
export type ServiceErrorCode = 'TIMEOUT' | 'NETWORK' | 'HTTP_STATUS' | 'ERROR_CODE' | 'CONFIG_INVALID' | 'BAD_REQUEST'

/** The outcome of one attempt. */
export type InvokeResult =
  | { ok: true; response: ServiceResponse }
  | {
      ok: false
      error: { code: ServiceErrorCode; message: string; status?: number }
      response?: ServiceResponse
      /** Another attempt may succeed (timeouts, network errors, 5xx, 408, 429). */
      transient: boolean
    }
