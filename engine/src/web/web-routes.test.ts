import { get } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHarness, type ApiHarness } from '../http/test-support/api-harness.js'
import { PAGE_CSP } from './security-headers.js'
import { WEB_ASSETS } from './web-assets.js'

describe('web routes', () => {
  let h: ApiHarness
  beforeAll(async () => {
    h = await startHarness()
  })
  afterAll(async () => h.close())

  it('serves the page without a token, with a strict Content-Security-Policy and no inline script', async () => {
    const res = await fetch(`${h.engine.url}/`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const csp = res.headers.get('content-security-policy')
    expect(csp).toBe(PAGE_CSP)
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("default-src 'none'")
    expect(csp).not.toContain('unsafe')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    const html = await res.text()
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script type="module" src="/ui/app.js">'])
    expect(html).not.toMatch(/<style|style=|\son[a-z]+=/)
  })

  it('serves every file under /ui/ with its type and the same headers, and 404 for anything else', async () => {
    for (const [name, asset] of WEB_ASSETS) {
      const res = await fetch(`${h.engine.url}/ui/${name}`)
      expect(res.status, name).toBe(200)
      expect(res.headers.get('content-type'), name).toBe(asset.type)
      expect(res.headers.get('content-security-policy'), name).toBe(PAGE_CSP)
      expect(await res.text(), name).toBe(asset.body)
    }
    // node:http, since fetch turns a conditional request into Cache-Control: no-cache.
    const conditional = (etag: string) =>
      new Promise<number | undefined>((resolve, reject) => {
        get(`${h.engine.url}/ui/app.js`, { headers: { 'if-none-match': etag } }, (res) => {
          res.resume()
          resolve(res.statusCode)
        }).on('error', reject)
      })
    expect(await conditional(WEB_ASSETS.get('app.js')?.etag ?? '')).toBe(304)
    expect(await conditional('"stale"')).toBe(200)
    const missing = await fetch(`${h.engine.url}/ui/nope.js`)
    expect(missing.status).toBe(404)
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND')
  })

  it('leaves the API behind its bearer token', async () => {
    expect((await h.call('GET', '/api/v1/tasks', { token: null })).status).toBe(401)
  })

  it('keeps data out of HTML sinks in the client code', () => {
    for (const [name, asset] of WEB_ASSETS) {
      if (!name.endsWith('.js')) continue
      expect(asset.body, name).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/)
    }
  })
})
