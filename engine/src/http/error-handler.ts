import type { ErrorRequestHandler, RequestHandler } from 'express'
import type { Logger } from 'pino'
import { AblaufError, isAblaufError, type ErrorCode } from '@ablauf/sdk/errors'
import { HTTP_STATUS } from './error-status.js'

/** Turns body-parser's errors (which carry a `type`) into Ablauf errors. */
function fromParserError(err: unknown): AblaufError | undefined {
  if (typeof err !== 'object' || err === null) return undefined
  const type = (err as { type?: unknown }).type
  if (type === 'entity.too.large') return new AblaufError('PAYLOAD_TOO_LARGE', 'the request body is larger than the engine accepts')
  if (type === 'entity.parse.failed') return new AblaufError('BAD_REQUEST', 'the request body is not valid JSON')
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return new AblaufError('BAD_REQUEST', 'unsupported body encoding')
  return undefined
}

/** The error body of every failed request: `{ error: { code, message, details }, requestId }`. */
export function errorBody(code: ErrorCode, message: string, details: Record<string, unknown> | undefined, requestId: string): object {
  return { error: { code, message, details: details ?? {} }, requestId }
}

/** The last middleware: maps errors to the status of their code; unknown errors become 500 INTERNAL without a stack. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const requestId = String(res.getHeader('X-Request-Id') ?? '')
    const known = isAblaufError(err) ? err : fromParserError(err)
    if (known === undefined) {
      logger.error({ err, reqId: requestId }, 'request failed')
      res.status(500).json(errorBody('INTERNAL', 'internal error; the request id identifies it in the engine log', undefined, requestId))
      return
    }
    const status = HTTP_STATUS[known.code]
    if (status >= 500) logger.error({ err: known, reqId: requestId }, 'request failed')
    res.status(status).json(errorBody(known.code, known.message, known.details, requestId))
  }
}

/** Answers unknown routes with 404 NOT_FOUND. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AblaufError('NOT_FOUND', `no route ${req.method} ${req.path}`))
}
