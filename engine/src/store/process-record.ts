import { processDefinitionSchema, type ProcessDefinition } from '@ablauf/sdk/definition'
import { AblaufError } from '@ablauf/sdk/errors'
import type { ColumnCodec, ColumnTypes } from './column-codec.js'
import type { Deployment, ProcessRow, StoredVersion } from './store-rows.js'
import { deploymentPlanSchema, deploymentSourceSchema } from './stored-row-schemas.js'

/** A row of `processes`. */
export interface ProcessRecord {
  id: string
  name: string
  state: ProcessRow['state']
  active_version: number | null
  active_hash: string | null
  created_at: string
  updated_at: string
}

/** A row of `process_versions` without its definition, as {@link VERSION_COLUMNS} selects it. */
export interface VersionRecord {
  process_id: string
  version: number
  hash: string
  source_commit: string
  deployment_id: string
  created_at: string
}

// The definition is read (and parsed) only when the cache does not have its content hash yet.
export const VERSION_COLUMNS = 'process_id, version, hash, source_commit, deployment_id, created_at'

/** A row of `deployments` as a dialect's driver returns it. */
export interface DeploymentRecord<C extends ColumnTypes> {
  id: string
  based_on: string | null
  source: C['json']
  plan: C['json']
  actor: string
  created_at: string
}

export function toProcess(r: ProcessRecord): ProcessRow {
  return {
    id: r.id,
    name: r.name,
    state: r.state,
    activeVersion: r.active_version,
    activeHash: r.active_hash,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }
}

/** The key under which a version's parsed definition is cached: its content hash never changes. */
export function definitionKey(r: VersionRecord): string {
  return `${r.process_id}@${r.hash}`
}

/** The definition of version `r` from its `definition` column (`row` undefined: the row is gone), read with `codec`. */
export function readDefinition<C extends ColumnTypes>(
  codec: ColumnCodec<C>,
  r: VersionRecord,
  row: { definition: C['json'] } | undefined,
): ProcessDefinition {
  if (row === undefined) throw new AblaufError('INTERNAL', `version ${r.version} of ${r.process_id} vanished while read`)
  return codec.json(processDefinitionSchema, row.definition, `definition of ${r.process_id} v${r.version}`)
}

export function toStoredVersion(r: VersionRecord, definition: ProcessDefinition): StoredVersion {
  return {
    processId: r.process_id,
    version: r.version,
    hash: r.hash,
    definition,
    sourceCommit: r.source_commit,
    deploymentId: r.deployment_id,
    createdAt: r.created_at,
  }
}

/** The deployment of a row, read with `codec`. */
export function deploymentMapper<C extends ColumnTypes>(codec: ColumnCodec<C>): (r: DeploymentRecord<C>) => Deployment {
  return (r) => ({
    id: r.id,
    basedOn: r.based_on,
    source: codec.json(deploymentSourceSchema, r.source, `source of deployment ${r.id}`),
    plan: codec.json(deploymentPlanSchema, r.plan, `plan of deployment ${r.id}`),
    actor: r.actor,
    createdAt: r.created_at,
  })
}
