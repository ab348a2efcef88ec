/**
 * The one error family of Ablauf. Every error carries a stable string `code`; callers branch on the
 * code, never on `instanceof` (a process module may load its own copy of the sdk).
 *
 * @example
 * ```ts
 * import { AblaufError, isAblaufError } from '@ablauf/sdk/errors'
 * try { throw new AblaufError('NOT_FOUND', 'process "x" is not deployed') }
 * catch (err) { if (isAblaufError(err) && err.code === 'NOT_FOUND') { ... } }
 * ```
 */
export const ERROR_CODES = [
  'BAD_REQUEST',
  'DEFINITION_INVALID',
  'TARGET_INVALID',
  'CONFIG_INVALID',
  'COMPILE_FAILED',
  'IMPORT_FAILED',
  'NOT_FOUND',
  'CONFLICT',
  'VERSION_CONFLICT',
  'WRONG_ACTIVITY',
  'REQUIRED_FIELD_MISSING',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'SCRIPT_FAILED',
  'SERVICE_FAILED',
  'STEP_LIMIT_EXCEEDED',
  'ENGINE_UNAVAILABLE',
  'INTERNAL',
] as const

/** A stable error code. */
export type ErrorCode = (typeof ERROR_CODES)[number]

/** One located problem: where (a JSON path into the input) and what. */
export interface Issue {
  code: string
  path: (string | number)[]
  message: string
  severity?: 'error' | 'warning'
}

/**
 * An error with a stable code, a message that says what to do, and optional details (for example the
 * list of {@link Issue}s of an invalid definition).
 *
 * @example
 * ```ts
 * throw new AblaufError('DEFINITION_INVALID', 'definition has 2 problems', { issues })
 * ```
 */
export class AblaufError extends Error {
  readonly code: ErrorCode
  readonly details: Record<string, unknown> | undefined

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'AblaufError'
    this.code = code
    this.details = details
  }

  toJSON(): { code: ErrorCode; message: string; details?: Record<string, unknown> } {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details }
  }
}

/**
 * True when `err` is an Ablauf error (checked by shape, so it works across copies of the sdk).
 *
 * @example
 * ```ts
 * if (isAblaufError(err, 'VERSION_CONFLICT')) replan()
 * ```
 */
export function isAblaufError(err: unknown, code?: ErrorCode): err is AblaufError {
  if (typeof err !== 'object' || err === null) return false
  const c = (err as { code?: unknown }).code
  if (typeof c !== 'string' || !(ERROR_CODES as readonly string[]).includes(c)) return false
  return code === undefined || c === code
}
