import { AblaufError, ERROR_CODES, type ErrorCode } from '@ablauf/sdk/errors'
import type { Logger } from 'pino'
import type { z } from 'zod'
import { engineErrorSchema } from './engine-schemas.js'

/** Bounded exponential backoff for an unreachable engine. */
export interface RetryPolicy {
  /** Total attempts, the first included. */
  attempts: number
  initialDelayMs: number
  maxDelayMs: number
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, initialDelayMs: 250, maxDelayMs: 5_000 }

/** How the deployer talks HTTP to the engine; every port is injectable. */
export interface EngineHttpOptions {
  baseUrl: string
  token?: string | undefined
  logger: Logger
  retry?: RetryPolicy
  fetch?: typeof fetch
  sleep?: (ms: number) => Promise<void>
}

export interface EngineRequest<T> {
  method: 'GET' | 'POST'
  path: string
  query?: Record<string, string | undefined>
  body?: unknown
  schema: z.ZodType<T>
}

/** Statuses that mean "the engine is not there right now" rather than "the request is wrong". */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504])

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  422: 'DEFINITION_INVALID',
  429: 'RATE_LIMITED',
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** One request to the engine: retried with backoff while unreachable, the answer parsed with `schema`. */
export async function engineRequest<T>(options: EngineHttpOptions, request: EngineRequest<T>): Promise<T> {
  const retry = options.retry ?? DEFAULT_RETRY
  const doFetch = options.fetch ?? fetch
  const sleep = options.sleep ?? defaultSleep
  const url = buildUrl(options.baseUrl, request.path, request.query)
  const what = `${request.method} ${request.path}`
  const headers: Record<string, string> = { accept: 'application/json' }
  if (options.token) headers['authorization'] = `Bearer ${options.token}`
  if (request.body !== undefined) headers['content-type'] = 'application/json'
  let lastProblem = ''
  for (let attempt = 1; attempt <= retry.attempts; attempt++) {
    let response: Response
    try {
      response = await doFetch(url, {
        method: request.method,
        headers,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      })
    } catch (err) {
      lastProblem = describeNetworkError(err)
      await backoff(options.logger, sleep, retry, attempt, what, lastProblem)
      continue
    }
    if (UNAVAILABLE_STATUSES.has(response.status)) {
      lastProblem = `HTTP ${response.status}`
      await response.body?.cancel()
      await backoff(options.logger, sleep, retry, attempt, what, lastProblem)
      continue
    }
    const text = await response.text()
    if (!response.ok) throw errorFromResponse(response.status, text, what)
    return parseBody(text, request.schema, what)
  }
  throw new AblaufError(
    'ENGINE_UNAVAILABLE',
    `the engine at ${options.baseUrl} is unreachable (${lastProblem}) after ${retry.attempts} attempts; check --engine / ABLAUF_ENGINE_URL and that the engine runs`,
    { url: options.baseUrl, attempts: retry.attempts, lastProblem },
  )
}

async function backoff(
  logger: Logger,
  sleep: (ms: number) => Promise<void>,
  retry: RetryPolicy,
  attempt: number,
  what: string,
  problem: string,
): Promise<void> {
  if (attempt >= retry.attempts) return
  const delayMs = Math.min(retry.maxDelayMs, retry.initialDelayMs * 2 ** (attempt - 1))
  logger.warn({ request: what, attempt, delayMs, problem }, 'engine unreachable, retrying')
  await sleep(delayMs)
}

function buildUrl(baseUrl: string, path: string, query: Record<string, string | undefined> | undefined): string {
  const url = new URL(path.replace(/^\//, ''), baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`)
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) url.searchParams.set(key, value)
  return url.toString()
}

function describeNetworkError(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause
    if (cause && typeof cause.code === 'string') return cause.code
    if (cause && typeof cause.message === 'string' && cause.message !== '') return `${err.message}: ${cause.message}`
    return err.message
  }
  return String(err)
}

function errorFromResponse(status: number, text: string, what: string): AblaufError {
  const envelope = engineErrorSchema.safeParse(safeJson(text))
  const fallback = STATUS_CODES[status] ?? 'INTERNAL'
  if (!envelope.success) return new AblaufError(fallback, `engine answered ${what} with HTTP ${status}`, { status })
  const { code, message, details } = envelope.data.error
  const known = (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : fallback
  return new AblaufError(known, message, {
    status,
    engineCode: code,
    details,
    requestId: envelope.data.requestId,
  })
}

function parseBody<T>(text: string, schema: z.ZodType<T>, what: string): T {
  const parsed = schema.safeParse(safeJson(text))
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '$'}: ${i.message}`)
  throw new AblaufError('INTERNAL', `engine answered ${what} with an unexpected body: ${issues.join('; ')}`, { issues })
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
