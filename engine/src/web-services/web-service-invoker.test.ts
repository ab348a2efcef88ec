import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { backoffDelay } from './backoff.js'
import { captureLogger } from './test-support/capture-logger.js'
import { startHttpStub, type HttpStub } from './test-support/http-stub.js'
import { createWebServiceInvoker } from './web-service-invoker.js'
import type { ServiceCall, WebServiceConfig } from './web-service-types.js'

let live: HttpStub
let test: HttpStub
beforeAll(async () => {
  live = await startHttpStub()
  test = await startHttpStub()
})
afterAll(async () => {
  await live.close()
  await test.close()
})
beforeEach(() => {
  live.requests.length = 0
  test.requests.length = 0
  live.reply(() => ({ status: 200, body: { status: 'valid', until: '2026-01-01' } }))
})

function erp(over: Partial<WebServiceConfig> = {}): WebServiceConfig {
  return {
    baseUrl: `${live.url}/api/`,
    testBaseUrl: `${test.url}/sandbox`,
    auth: { type: 'bearer', tokenEnv: 'ERP_TOKEN' },
    headers: { 'X-Client': 'ablauf' },
    invokers: {
      WarrantyLookup: { method: 'POST', path: '/warranty/{{country}}', input: {}, output: {} },
      Status: { method: 'GET', path: '/status', input: {}, output: {}, stub: { status: 200, body: { up: true } } },
    },
    ...over,
  }
}
const services = (over: Partial<WebServiceConfig> = {}): Record<string, WebServiceConfig> => ({ ERP: erp(over) })

const call = (over: Partial<ServiceCall> = {}): ServiceCall => ({
  key: 'inst-1:3:check-warranty',
  webService: 'ERP',
  invoker: 'WarrantyLookup',
  request: { 'body.device.serial': 'SN-42', 'body.items.0': 'a', 'query.lang': 'de', 'headers.X-Trace': 't-1', 'path.country': 'DE AT' },
  timeoutMs: 2000,
  test: false,
  ...over,
})

describe('web-service invoker', () => {
  const { logger, lines } = captureLogger()
  const invoker = {
    invoke: (c: ServiceCall) => createWebServiceInvoker({ services: services(), logger, env: { ERP_TOKEN: 's3cret-token' } }).invoke(c),
  }

  it('assembles method, path, query, headers, JSON body, auth and Idempotency-Key, and parses the JSON answer', async () => {
    const result = await invoker.invoke(call())
    expect(result).toMatchObject({ ok: true, response: { status: 200, body: { status: 'valid', until: '2026-01-01' } } })
    expect(live.requests).toHaveLength(1)
    const req = live.requests[0]
    expect(req).toMatchObject({ method: 'POST', path: '/api/warranty/DE%20AT', query: { lang: 'de' }, body: { device: { serial: 'SN-42' }, items: ['a'] } })
    expect(req?.headers).toMatchObject({
      'idempotency-key': 'inst-1:3:check-warranty',
      authorization: 'Bearer s3cret-token',
      'x-trace': 't-1',
      'x-client': 'ablauf',
      'content-type': 'application/json',
    })
    expect(lines().join('\n')).not.toContain('s3cret-token')
  })

  it('sends test-mode calls to the test base URL', async () => {
    await invoker.invoke(call({ test: true, invoker: 'Status', request: {} }))
    expect(live.requests).toHaveLength(0)
    expect(test.requests[0]).toMatchObject({ method: 'GET', path: '/sandbox/status' })
  })

  it('answers test-mode calls from the invoker stub when there is no test base URL', async () => {
    const stubbed = createWebServiceInvoker({ services: services({ testBaseUrl: undefined }), logger, env: { ERP_TOKEN: 'x' } })
    expect(await stubbed.invoke(call({ test: true, invoker: 'Status', request: {} }))).toEqual({ ok: true, response: { status: 200, body: { up: true }, headers: {} } })
    expect(live.requests).toHaveLength(0)
    expect(test.requests).toHaveLength(0)
  })

  it('fills a path placeholder from a body value of the same name', async () => {
    await invoker.invoke(call({ request: { 'body.country': 'CH' } }))
    expect(live.requests[0]).toMatchObject({ path: '/api/warranty/CH', body: { country: 'CH' } })
  })

  it('classifies a non-2xx status as HTTP_STATUS, transient for 5xx and final for 4xx', async () => {
    live.reply(() => ({ status: 503, body: { error: 'down' } }))
    expect(await invoker.invoke(call())).toMatchObject({ ok: false, transient: true, error: { code: 'HTTP_STATUS', status: 503 }, response: { body: { error: 'down' } } })
    live.reply(() => ({ status: 404 }))
    expect(await invoker.invoke(call())).toMatchObject({ ok: false, transient: false, error: { code: 'HTTP_STATUS', status: 404 }, response: { body: null } })
  })

  it('honours failOn statuses and error codes', async () => {
    live.reply(() => ({ status: 404, body: { code: 'E17' } }))
    expect(await invoker.invoke(call({ failOn: { statuses: [500] } }))).toMatchObject({ ok: true, response: { status: 404 } })
    live.reply(() => ({ status: 200, body: { result: { code: 'E17' } } }))
    expect(await invoker.invoke(call({ failOn: { errorCodePath: 'body.result.code', errorCodes: ['E17'] } }))).toMatchObject({
      ok: false,
      transient: false,
      error: { code: 'ERROR_CODE', message: 'ERP/WarrantyLookup returned error code E17' },
    })
  })

  it('classifies a hanging service as TIMEOUT and a closed port as NETWORK, both transient', async () => {
    live.reply(() => ({ hang: true }))
    expect(await invoker.invoke(call({ timeoutMs: 100 }))).toMatchObject({ ok: false, transient: true, error: { code: 'TIMEOUT' } })
    const down = createWebServiceInvoker({ services: services({ baseUrl: 'http://127.0.0.1:9' }), logger, env: { ERP_TOKEN: 'x' } })
    expect(await down.invoke(call())).toMatchObject({ ok: false, transient: true, error: { code: 'NETWORK' } })
  })

  it('fails finally, without a request, on a missing secret, an unknown invoker or a bad request path', async () => {
    const noSecret = createWebServiceInvoker({ services: services(), logger, env: {} })
    expect(await noSecret.invoke(call())).toMatchObject({ ok: false, transient: false, error: { code: 'CONFIG_INVALID', message: expect.stringContaining('ERP_TOKEN') } })
    expect(await invoker.invoke(call({ invoker: 'Nope' }))).toMatchObject({ ok: false, error: { code: 'CONFIG_INVALID' } })
    expect(await invoker.invoke(call({ request: { 'cookie.x': '1', 'path.country': 'DE' } }))).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } })
    expect(live.requests).toHaveLength(0)
  })
})

describe('backoff', () => {
  const policy = { initialMs: 1000, factor: 2, maxMs: 5000 }
  it('grows exponentially up to the cap, scaled by the random source (full jitter)', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(policy, a, () => 0.999999))).toEqual([1000, 2000, 4000, 5000, 5000])
    expect(backoffDelay(policy, 3, () => 0.5)).toBe(2000)
    expect(backoffDelay(policy, 3, () => 0)).toBe(0)
  })
})
