import type { ColumnCodec, ColumnTypes } from './column-codec.js'
import type { Job } from './store-rows.js'

/** A row of `jobs` as a dialect's driver returns it. */
export interface JobRecord<C extends ColumnTypes> {
  id: C['id']
  key: string
  kind: string
  payload: C['json']
  instance_id: string | null
  ticket_id: string | null
  status: Job['status']
  run_at: string
  attempts: number
  max_attempts: number
  lease_owner: string | null
  lease_expires_at: string | null
  last_error: string | null
  result: C['json'] | null
  created_at: string
  updated_at: string
}

/** The job of a row, read with `codec`. */
export function jobMapper<C extends ColumnTypes>(codec: ColumnCodec<C>): (r: JobRecord<C>) => Job {
  return (r) => {
    const id = codec.id(r.id)
    return {
      id,
      key: r.key,
      kind: r.kind,
      payload: codec.jsonValue(r.payload, `payload of job ${id}`),
      instanceId: r.instance_id,
      ticketId: r.ticket_id,
      status: r.status,
      runAt: r.run_at,
      attempts: r.attempts,
      maxAttempts: r.max_attempts,
      leaseOwner: r.lease_owner,
      leaseExpiresAt: r.lease_expires_at,
      lastError: r.last_error,
      result: r.result === null ? null : codec.jsonValue(r.result, `result of job ${id}`),
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }
  }
}
