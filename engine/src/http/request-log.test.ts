import { Writable } from 'node:stream'
import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { TOKENS, startHarness, type ApiHarness } from './test-support/api-harness.js'

interface AccessLine {
  msg: string
  level: number
  component?: string
  req?: { id: string; method: string; url: string }
  res?: { statusCode: number }
  responseTime?: number
}

/** A root logger at `info` whose JSON lines (and raw text) are kept. */
function capture(): { logger: pino.Logger; lines: AccessLine[]; text: () => string } {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString('utf8'))
      done()
    },
  })
  const text = (): string => chunks.join('')
  return {
    logger: pino({ level: 'info' }, stream),
    get lines() {
      return text().split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as AccessLine)
    },
    text,
  }
}

describe('access log', () => {
  let h: ApiHarness | undefined
  afterEach(async () => {
    await h?.close()
    h = undefined
  })

  it('writes one line per request with the request id, method, url and status, never the headers', async () => {
    const log = capture()
    h = await startHarness({ logger: log.logger })
    const res = await fetch(`${h.engine.url}/api/v1/tasks?limit=5`, { headers: { authorization: `Bearer ${TOKENS.admin}`, 'x-request-id': 'req-42', cookie: 'sid=secret' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-request-id')).toBe('req-42')
    expect((await h.call('GET', '/api/v1/tasks', { token: null })).status).toBe(401)
    expect((await h.call('GET', '/healthz')).status).toBe(200)

    const access = log.lines.filter((l) => l.component === 'http' && l.req !== undefined)
    expect(access).toMatchObject([
      { level: 30, msg: 'request completed', req: { id: 'req-42', method: 'GET', url: '/api/v1/tasks?limit=5' }, res: { statusCode: 200 } },
      { level: 40, msg: 'request completed', req: { method: 'GET', url: '/api/v1/tasks' }, res: { statusCode: 401 } },
    ])
    expect(access[1]?.req?.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(typeof access[0]?.responseTime).toBe('number')
    expect(log.text()).not.toContain(TOKENS.admin)
    expect(log.text()).not.toContain('sid=secret')
  })
})
