import type { ProcessDefinition } from '@ablauf/sdk/definition'
import type { ParsedCache } from '../parsed-cache.js'
import type { ProcessRepo } from '../store-port.js'
import type { StoredVersion } from '../store-rows.js'
import type { StatementCache } from './statement-cache.js'
import { writeJson } from './stored-json.js'
import {
  definitionKey, deploymentMapper, readDefinition, toProcess, toStoredVersion, VERSION_COLUMNS,
  type DeploymentRecord, type ProcessRecord, type VersionRecord,
} from '../process-record.js'
import { sqliteColumnCodec, type SqliteColumns } from './sqlite-column-codec.js'

const toDeployment = deploymentMapper(sqliteColumnCodec)

/**
 * The SQLite repository of processes, versions and deployments. Versions are immutable under their
 * content hash, so their parsed definitions are shared through `definitions`.
 */
export function sqliteProcessRepo(db: StatementCache, definitions: ParsedCache<ProcessDefinition>): ProcessRepo {
  const toVersion = (r: VersionRecord): StoredVersion =>
    toStoredVersion(r, definitions.getOrParse(definitionKey(r), () => {
      const row = db.one<{ definition: string }>('SELECT definition FROM process_versions WHERE process_id = ? AND version = ?', r.process_id, r.version)
      return readDefinition(sqliteColumnCodec, r, row)
    }))
  const version = (sql: string, ...params: unknown[]): StoredVersion | undefined => {
    const r = db.one<VersionRecord>(sql, ...params)
    return r === undefined ? undefined : toVersion(r)
  }
  return {
    async get(id) {
      const r = db.one<ProcessRecord>('SELECT * FROM processes WHERE id = ?', id)
      return r === undefined ? undefined : toProcess(r)
    },
    async list() {
      return db.all<ProcessRecord>('SELECT * FROM processes ORDER BY id').map(toProcess)
    },
    async put(p) {
      db.run(
        `INSERT INTO processes (id, name, state, active_version, active_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, state = excluded.state, active_version = excluded.active_version,
           active_hash = excluded.active_hash, updated_at = excluded.updated_at`,
        p.id, p.name, p.state, p.activeVersion, p.activeHash, p.createdAt, p.updatedAt,
      )
    },
    async addVersion(v) {
      const next = (db.one<{ n: number | null }>('SELECT MAX(version) AS n FROM process_versions WHERE process_id = ?', v.processId)?.n ?? 0) + 1
      db.run(
        `INSERT INTO process_versions (process_id, version, hash, definition, source_commit, deployment_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        v.processId, next, v.hash, writeJson(v.definition), v.sourceCommit, v.deploymentId, v.createdAt,
      )
      return { ...v, version: next }
    },
    async getVersion(processId, n) {
      return version(`SELECT ${VERSION_COLUMNS} FROM process_versions WHERE process_id = ? AND version = ?`, processId, n)
    },
    async getVersionByHash(processId, hash) {
      return version(`SELECT ${VERSION_COLUMNS} FROM process_versions WHERE process_id = ? AND hash = ?`, processId, hash)
    },
    async listVersions(processId) {
      return db.all<VersionRecord>(`SELECT ${VERSION_COLUMNS} FROM process_versions WHERE process_id = ? ORDER BY version`, processId).map(toVersion)
    },
    async listStartable() {
      return db
        .all<VersionRecord>(
          `SELECT v.process_id, v.version, v.hash, v.source_commit, v.deployment_id, v.created_at FROM process_versions v JOIN processes p ON p.id = v.process_id AND p.active_version = v.version
           WHERE p.state = 'active' ORDER BY p.id`,
        )
        .map(toVersion)
    },
    async addDeployment(d) {
      db.run(
        'INSERT INTO deployments (id, based_on, source, plan, actor, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        d.id, d.basedOn, writeJson(d.source), writeJson(d.plan), d.actor, d.createdAt,
      )
    },
    async getDeployment(id) {
      const r = db.one<DeploymentRecord<SqliteColumns>>('SELECT * FROM deployments WHERE id = ?', id)
      return r === undefined ? undefined : toDeployment(r)
    },
    async listDeployments(limit = 100) {
      return db.all<DeploymentRecord<SqliteColumns>>('SELECT * FROM deployments ORDER BY seq DESC LIMIT ?', limit).map(toDeployment)
    },
    async latestDeployment() {
      const r = db.one<DeploymentRecord<SqliteColumns>>('SELECT * FROM deployments ORDER BY seq DESC LIMIT 1')
      return r === undefined ? undefined : toDeployment(r)
    },
  }
}
