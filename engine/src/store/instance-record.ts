import type { ProcessInstance } from '@ablauf/sdk/runtime'
import type { ColumnCodec, ColumnTypes } from './column-codec.js'
import { incidentSchema, parentSchema, waitingSchema } from './stored-row-schemas.js'

/** A row of `instances` as a dialect's driver returns it. */
export interface InstanceRecord<C extends ColumnTypes> {
  id: string
  process_id: string
  version: string
  ticket_id: string
  status: ProcessInstance['status']
  activity: string | null
  waiting: C['json'] | null
  parent: C['json'] | null
  incident: C['json'] | null
  seq: number
  test: C['bool']
  started_at: string
  updated_at: string
  ended_at: string | null
}

/** The instance of a row, read with `codec`. */
export function instanceMapper<C extends ColumnTypes>(codec: ColumnCodec<C>): (r: InstanceRecord<C>) => ProcessInstance {
  return (r) => ({
    id: r.id,
    processId: r.process_id,
    version: r.version,
    ticketId: r.ticket_id,
    status: r.status,
    activity: r.activity,
    waiting: codec.json(waitingSchema, r.waiting, `waiting of instance ${r.id}`),
    parent: codec.json(parentSchema, r.parent, `parent of instance ${r.id}`),
    incident: codec.json(incidentSchema, r.incident, `incident of instance ${r.id}`),
    seq: r.seq,
    test: codec.bool(r.test),
    startedAt: r.started_at,
    updatedAt: r.updated_at,
    endedAt: r.ended_at,
  })
}
