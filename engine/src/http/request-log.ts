import type { RequestHandler } from 'express'
import type { Logger } from 'pino'
import { requestId } from './request-id.js'

/** Probes and scrapes every few seconds would drown the access log. */
const PROBES = new Set(['/healthz', '/readyz', '/metrics'])

type Level = 'info' | 'warn' | 'error'

/**
 * The access log: sets the request id (echoed as `X-Request-Id`), then writes one line per request when
 * the response finishes or the connection closes — `{ req: { id, method, url }, res: { statusCode },
 * responseTime }`. Headers are never logged (no tokens, no cookies). Nothing is built for a request
 * whose level the logger filters out.
 */
export function requestLog(logger: Logger): RequestHandler {
  const log = logger.child({ component: 'http' })
  return (req, res, next) => {
    const id = requestId(req, res)
    const url = req.originalUrl
    if (PROBES.has(url)) {
      next()
      return
    }
    const started = Date.now()
    const done = (err?: Error): void => {
      res.removeListener('finish', done)
      res.removeListener('close', done)
      res.removeListener('error', done)
      const status = res.statusCode
      const level: Level = err !== undefined || status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info'
      if (!log.isLevelEnabled(level)) return
      const line = { req: { id, method: req.method, url }, res: { statusCode: status }, responseTime: Date.now() - started }
      if (level === 'error') log.error({ ...line, err: err ?? new Error(`failed with status code ${status}`) }, 'request errored')
      else log[level](line, res.writableEnded ? 'request completed' : 'request aborted')
    }
    res.on('finish', done)
    res.on('close', done)
    res.on('error', done)
    next()
  }
}
