import { AblaufError, isAblaufError } from '@ablauf/sdk/errors'

/** SQLSTATEs the store reacts to. */
export const PG_CODES = {
  uniqueViolation: '23505',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const

/** The SQLSTATE of a driver error, if it has one. */
function sqlState(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined
  const code = (err as { code?: unknown }).code
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined
}

/**
 * A driver error as an Ablauf error (the SQLSTATE kept in `details.sqlState`): a unique violation is a
 * CONFLICT (another engine wrote the same row first), a lost or refused connection ENGINE_UNAVAILABLE,
 * anything else INTERNAL. Ablauf errors pass through.
 */
export function toAblaufError(err: unknown): AblaufError {
  if (isAblaufError(err)) return err
  const code = sqlState(err)
  const message = err instanceof Error ? err.message : String(err)
  if (code === PG_CODES.uniqueViolation) {
    const constraint = (err as { constraint?: unknown }).constraint
    return new AblaufError('CONFLICT', `another write got there first: ${message}`, { sqlState: code, constraint: typeof constraint === 'string' ? constraint : null }, { cause: err })
  }
  if (code === undefined || code.startsWith('08') || code.startsWith('57P')) {
    // No SQLSTATE: the socket failed (ECONNREFUSED, connection terminated, …); 08xxx / 57P0x likewise.
    return new AblaufError('ENGINE_UNAVAILABLE', `the database is not reachable: ${message}`, code === undefined ? undefined : { sqlState: code }, { cause: err })
  }
  return new AblaufError('INTERNAL', `database error ${code}: ${message}`, { sqlState: code }, { cause: err })
}

/** A transaction that lost a deadlock or a serialization check may simply run again. */
export function isRetryable(err: unknown): boolean {
  if (!isAblaufError(err)) return false
  const code = err.details?.sqlState
  return code === PG_CODES.deadlockDetected || code === PG_CODES.serializationFailure
}
