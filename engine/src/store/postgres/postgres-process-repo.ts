import type { ProcessDefinition } from '@ablauf/sdk/definition'
import { AblaufError, isAblaufError } from '@ablauf/sdk/errors'
import type { ParsedCache } from '../parsed-cache.js'
import type { ProcessRepo } from '../store-port.js'
import type { Deployment, StoredVersion } from '../store-rows.js'
import { writeJsonb } from './postgres-json.js'
import {
  definitionKey, deploymentMapper, readDefinition, toProcess, toStoredVersion, VERSION_COLUMNS,
  type DeploymentRecord, type ProcessRecord, type VersionRecord,
} from '../process-record.js'
import { postgresColumnCodec, type PostgresColumns } from './postgres-column-codec.js'
import type { PgSession, SqlParam } from './postgres-session.js'

const toDeployment = deploymentMapper(postgresColumnCodec)

const DEPLOYMENT_COLUMNS = 'id, based_on, source, plan, actor, created_at'

/**
 * The PostgreSQL repository of processes, versions and deployments. Versions are immutable under their
 * content hash, so their parsed definitions are shared through `definitions`.
 */
export function postgresProcessRepo(db: PgSession, definitions: ParsedCache<ProcessDefinition>): ProcessRepo {
  const toVersion = async (r: VersionRecord): Promise<StoredVersion> => {
    const key = definitionKey(r)
    let definition = definitions.get(key)
    if (definition === undefined) {
      const row = await db.one<{ definition: unknown }>('SELECT definition FROM process_versions WHERE process_id = $1 AND version = $2', r.process_id, r.version)
      definition = definitions.set(key, readDefinition(postgresColumnCodec, r, row))
    }
    return toStoredVersion(r, definition)
  }
  const toVersions = async (rows: VersionRecord[]): Promise<StoredVersion[]> => {
    const out: StoredVersion[] = []
    for (const r of rows) out.push(await toVersion(r))
    return out
  }
  const version = async (sql: string, ...params: SqlParam[]): Promise<StoredVersion | undefined> => {
    const r = await db.one<VersionRecord>(sql, ...params)
    return r === undefined ? undefined : toVersion(r)
  }
  const deployment = async (sql: string, ...params: SqlParam[]): Promise<Deployment | undefined> => {
    const r = await db.one<DeploymentRecord<PostgresColumns>>(sql, ...params)
    return r === undefined ? undefined : toDeployment(r)
  }
  return {
    async get(id) {
      const r = await db.one<ProcessRecord>('SELECT * FROM processes WHERE id = $1', id)
      return r === undefined ? undefined : toProcess(r)
    },
    async list() {
      return (await db.all<ProcessRecord>('SELECT * FROM processes ORDER BY id COLLATE "C"')).map(toProcess)
    },
    async put(p) {
      await db.run(
        `INSERT INTO processes (id, name, state, active_version, active_hash, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, state = excluded.state, active_version = excluded.active_version,
           active_hash = excluded.active_hash, updated_at = excluded.updated_at`,
        p.id, p.name, p.state, p.activeVersion, p.activeHash, p.createdAt, p.updatedAt,
      )
    },
    async addVersion(v) {
      // The process row is locked first, so two deployments of one process number their versions in turn.
      await db.run('SELECT 1 FROM processes WHERE id = $1 FOR UPDATE', v.processId)
      const next = ((await db.one<{ n: number | null }>('SELECT MAX(version) AS n FROM process_versions WHERE process_id = $1', v.processId))?.n ?? 0) + 1
      await db.run(
        `INSERT INTO process_versions (process_id, version, hash, definition, source_commit, deployment_id, created_at)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)`,
        v.processId, next, v.hash, writeJsonb(v.definition), v.sourceCommit, v.deploymentId, v.createdAt,
      )
      return { ...v, version: next }
    },
    async getVersion(processId, n) {
      return version(`SELECT ${VERSION_COLUMNS} FROM process_versions WHERE process_id = $1 AND version = $2`, processId, n)
    },
    async getVersionByHash(processId, hash) {
      return version(`SELECT ${VERSION_COLUMNS} FROM process_versions WHERE process_id = $1 AND hash = $2`, processId, hash)
    },
    async listVersions(processId) {
      return toVersions(await db.all<VersionRecord>(`SELECT ${VERSION_COLUMNS} FROM process_versions WHERE process_id = $1 ORDER BY version`, processId))
    },
    async listStartable() {
      const rows = await db.all<VersionRecord>(
        `SELECT v.process_id, v.version, v.hash, v.source_commit, v.deployment_id, v.created_at
         FROM process_versions v JOIN processes p ON p.id = v.process_id AND p.active_version = v.version
         WHERE p.state = 'active' ORDER BY p.id COLLATE "C"`,
      )
      return toVersions(rows)
    },
    async addDeployment(d) {
      try {
        await db.run(
          `INSERT INTO deployments (${DEPLOYMENT_COLUMNS}) VALUES ($1, $2, $3::jsonb, $4::jsonb, $5, $6)`,
          d.id, d.basedOn, writeJsonb(d.source), writeJsonb(d.plan), d.actor, d.createdAt,
        )
      } catch (err) {
        if (isAblaufError(err, 'CONFLICT') && err.details?.constraint === 'deployments_one_chain') {
          throw new AblaufError(
            'VERSION_CONFLICT',
            `another deployment based on ${d.basedOn ?? 'the empty engine'} was made at the same time; plan again`,
            { basedOn: d.basedOn },
            { cause: err },
          )
        }
        throw err
      }
    },
    async getDeployment(id) {
      return deployment(`SELECT ${DEPLOYMENT_COLUMNS} FROM deployments WHERE id = $1`, id)
    },
    async listDeployments(limit = 100) {
      const rows = await db.all<DeploymentRecord<PostgresColumns>>(`SELECT ${DEPLOYMENT_COLUMNS} FROM deployments ORDER BY seq DESC LIMIT $1`, limit)
      return rows.map(toDeployment)
    },
    async latestDeployment() {
      return deployment(`SELECT ${DEPLOYMENT_COLUMNS} FROM deployments ORDER BY seq DESC LIMIT 1`)
    },
  }
}
