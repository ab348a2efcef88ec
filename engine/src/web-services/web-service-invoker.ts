import type { Logger } from 'pino'
import { jsonValueSchema, type JsonValue } from '@ablauf/sdk/definition'
import { isAblaufError } from '@ablauf/sdk/errors'
import type { ServiceResponse } from '@ablauf/sdk/runtime'
import { buildRequest } from './build-request.js'
import { classifyResponse } from './classify-response.js'
import { fetchTransport, undiciTransport } from './http-transport.js'
import type { InvokeResult, ServiceCall, WebServiceConfig } from './web-service-types.js'

/** Performs service calls against the web services registered in the engine's config. */
export interface WebServiceInvoker {
  /** One attempt of a call; never throws — every failure is a classified result. */
  invoke(call: ServiceCall): Promise<InvokeResult>
}

/** Options of {@link createWebServiceInvoker}: the registered services and the ports it uses. */
export interface WebServiceInvokerOptions {
  /** The config's `webServices`, by name. */
  services: Readonly<Record<string, WebServiceConfig>>
  logger: Logger
  /** Where auth secrets are read from (`process.env` in the composition root). */
  env: Readonly<Record<string, string | undefined>>
  /** Sends the calls through this `fetch` instead of undici's pooled `request` (tests reroute with it). */
  fetch?: typeof globalThis.fetch
}

/** The largest response body kept (bytes of text); larger answers are cut before parsing. */
const MAX_BODY = 1_000_000

/**
 * The web-service invoker: builds the request (see {@link buildRequest}), sends it with a timeout and
 * an `Idempotency-Key`, parses the JSON answer and classifies the outcome.
 */
export function createWebServiceInvoker(options: WebServiceInvokerOptions): WebServiceInvoker {
  const send = options.fetch === undefined ? undiciTransport : fetchTransport(options.fetch)
  const log = options.logger.child({ component: 'web-service-invoker' })

  return {
    async invoke(call) {
      const service = Object.hasOwn(options.services, call.webService) ? options.services[call.webService] : undefined
      const invoker = service !== undefined && Object.hasOwn(service.invokers, call.invoker) ? service.invokers[call.invoker] : undefined
      if (service === undefined || invoker === undefined) {
        return final('CONFIG_INVALID', `web service "${call.webService}" has no invoker "${call.invoker}" in this engine's config`)
      }
      if (call.test && service.testBaseUrl === undefined && invoker.stub !== undefined) {
        // Test-mode ticket and no test endpoint: the declared stub answers, nothing leaves the engine.
        const body = jsonValueSchema.safeParse(invoker.stub.body ?? null)
        log.info({ webService: call.webService, invoker: call.invoker, key: call.key }, 'service call answered by stub')
        return classifyResponse(call, { status: invoker.stub.status, body: body.success ? body.data : null, headers: {} })
      }
      let request
      try {
        request = buildRequest({ name: call.webService, config: service }, { name: call.invoker, config: invoker }, call, options.env)
      } catch (err) {
        if (isAblaufError(err) && (err.code === 'CONFIG_INVALID' || err.code === 'BAD_REQUEST')) return final(err.code, err.message)
        throw err
      }
      const where = { webService: call.webService, invoker: call.invoker, key: call.key, method: request.method, url: `${request.url.origin}${request.url.pathname}` }
      let response: ServiceResponse
      const signal = AbortSignal.timeout(call.timeoutMs)
      try {
        const res = await send(request, signal)
        response = { status: res.status, body: parseBody(res.text), headers: res.headers }
      } catch (err) {
        const timeout = signal.aborted
        const message = timeout ? `${call.webService}/${call.invoker} did not answer within ${call.timeoutMs} ms` : `${call.webService}/${call.invoker} unreachable: ${causeMessage(err)}`
        log.warn({ ...where, code: timeout ? 'TIMEOUT' : 'NETWORK', err }, 'service call failed')
        return { ok: false, error: { code: timeout ? 'TIMEOUT' : 'NETWORK', message }, transient: true }
      }
      const result = classifyResponse(call, response)
      if (result.ok) log.info({ ...where, status: response.status }, 'service call succeeded')
      else log.warn({ ...where, status: response.status, code: result.error.code }, 'service call failed')
      return result
    },
  }
}

function parseBody(text: string): JsonValue {
  const cut = text.length > MAX_BODY ? text.slice(0, MAX_BODY) : text
  if (cut.trim() === '') return null
  try {
    // Whatever JSON.parse returns is a JSON value: nothing for a schema to check.
    return JSON.parse(cut) as JsonValue
  } catch {
    return cut
  }
}

function final(code: 'CONFIG_INVALID' | 'BAD_REQUEST', message: string): InvokeResult {
  return { ok: false, error: { code, message }, transient: false }
}

function causeMessage(err: unknown): string {
  if (!(err instanceof Error)) return String(err)
  const cause = (err as { cause?: unknown }).cause
  return cause instanceof Error ? `${err.message} (${cause.message})` : err.message
}
