import { processDefinitionSchema, type ProcessDefinition } from '@ablauf/sdk/definition'
import { AblaufError } from '@ablauf/sdk/errors'
import type { ParsedCache } from '../parsed-cache.js'
import type { ProcessRepo } from '../store-port.js'
import type { Deployment, ProcessRow, StoredVersion } from '../store-rows.js'
import type { StatementCache } from './statement-cache.js'
import { readJson, writeJson } from './stored-json.js'
import { deploymentPlanSchema as planSchema, deploymentSourceSchema as sourceSchema } from '../stored-row-schemas.js'

interface ProcessRecord {
  id: string
  name: string
  state: ProcessRow['state']
  active_version: number | null
  active_hash: string | null
  created_at: string
  updated_at: string
}
interface VersionRecord {
  process_id: string
  version: number
  hash: string
  source_commit: string
  deployment_id: string
  created_at: string
}
interface DeploymentRecord {
  id: string
  based_on: string | null
  source: string
  plan: string
  actor: string
  created_at: string
}

const toProcess = (r: ProcessRecord): ProcessRow => ({
  id: r.id,
  name: r.name,
  state: r.state,
  activeVersion: r.active_version,
  activeHash: r.active_hash,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})
// The definition is read (and parsed) only when the cache does not have its content hash yet.
const VERSION_COLUMNS = 'process_id, version, hash, source_commit, deployment_id, created_at'
const toDeployment = (r: DeploymentRecord): Deployment => ({
  id: r.id,
  basedOn: r.based_on,
  source: readJson(sourceSchema, r.source, `source of deployment ${r.id}`),
  plan: readJson(planSchema, r.plan, `plan of deployment ${r.id}`),
  actor: r.actor,
  createdAt: r.created_at,
})

/**
 * The SQLite repository of processes, versions and deployments. Versions are immutable under their
 * content hash, so their parsed definitions are shared through `definitions`.
 */
export function sqliteProcessRepo(db: StatementCache, definitions: ParsedCache<ProcessDefinition>): ProcessRepo {
  const toVersion = (r: VersionRecord): StoredVersion => ({
    processId: r.process_id,
    version: r.version,
    hash: r.hash,
    definition: definitions.getOrParse(`${r.process_id}@${r.hash}`, () => {
      const text = db.one<{ definition: string }>('SELECT definition FROM process_versions WHERE process_id = ? AND version = ?', r.process_id, r.version)
      if (text === undefined) throw new AblaufError('INTERNAL', `version ${r.version} of ${r.process_id} vanished while read`)
      return readJson(processDefinitionSchema, text.definition, `definition of ${r.process_id} v${r.version}`)
    }),
    sourceCommit: r.source_commit,
    deploymentId: r.deployment_id,
    createdAt: r.created_at,
  })
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
      const r = db.one<DeploymentRecord>('SELECT * FROM deployments WHERE id = ?', id)
      return r === undefined ? undefined : toDeployment(r)
    },
    async listDeployments(limit = 100) {
      return db.all<DeploymentRecord>('SELECT * FROM deployments ORDER BY seq DESC LIMIT ?', limit).map(toDeployment)
    },
    async latestDeployment() {
      const r = db.one<DeploymentRecord>('SELECT * FROM deployments ORDER BY seq DESC LIMIT 1')
      return r === undefined ? undefined : toDeployment(r)
    },
  }
}
