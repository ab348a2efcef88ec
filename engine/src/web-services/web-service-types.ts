import type { ServiceActivity } from '@ablauf/sdk/definition'
import type { ServiceResponse } from '@ablauf/sdk/runtime'

/** A web service and its invokers, as the engine config declares them (`webServices.<name>`). */
export type { InvokerConfig, WebServiceAuth, WebServiceConfig } from '../config/config-schema.js'

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
  /** Test-mode ticket: use `testBaseUrl`, else the invoker's `stub`. */
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
