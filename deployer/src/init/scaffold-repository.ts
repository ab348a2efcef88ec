import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { AblaufError } from '@ablauf/sdk/errors'
import { targetSnapshotSchema } from '@ablauf/sdk/target'
import { writeTargetFiles } from '../schema/target-files.js'
import { DEFAULT_TARGET } from './default-target.js'
import { repoTemplates } from './repo-templates.js'

/**
 * Writes a new process repository into `dir` (created when missing; must be empty otherwise): a
 * package.json depending on `@ablauf/sdk`, a tsconfig, an example process with a `simulate()` test,
 * the starter target snapshot with its generated types, and a `.gitignore`. Returns the files written.
 */
export function scaffoldRepository(dir: string): string[] {
  if (existsSync(dir) && readdirSync(dir).some((f) => f !== '.git')) {
    throw new AblaufError('CONFLICT', `${dir} is not empty; ablauf init writes into a new or empty directory`)
  }
  mkdirSync(dir, { recursive: true })
  const name = path.basename(path.resolve(dir)).toLowerCase().replace(/[^a-z0-9-]+/g, '-') || 'processes'
  const files = Object.entries(repoTemplates(name))
  for (const [file, text] of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    writeFileSync(path.join(dir, file), text)
  }
  const target = writeTargetFiles(dir, targetSnapshotSchema.parse(DEFAULT_TARGET))
  return [...files.map(([f]) => f), path.basename(target.snapshotFile), path.basename(target.typesFile)].sort()
}
