import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { basename, dirname, extname, join, resolve } from 'node:path'
import type { ProcessDefinition } from '@ablauf/sdk/definition'
import { AblaufError } from '@ablauf/sdk/errors'
import { targetSnapshotSchema, type TargetSnapshot } from '@ablauf/sdk/target'
import { generateProcessModule } from './codegen/generate-process-module.js'
import { importFailed } from './import-error.js'
import { assertFileSize } from './import-limits.js'
import type { InteropWarning } from './interop-warning.js'
import { importDefinitionJson } from './json/definition-json.js'
import { assertPrerequisites } from './prerequisites/check-prerequisites.js'
import { importZnunyYaml } from './znuny/import-znuny.js'

export type ImportFormat = 'json' | 'znuny'

export interface ImportFileOptions {
  file: string
  /** Default: by extension (.json / .yml / .yaml), else by content. */
  from?: ImportFormat
  /** The process repository; its `ablauf.target.json` (if present) is checked against. */
  dir: string
  /** Default `<dir>/<id>.process.ts`. */
  out?: string
  /** Overwrite an existing module. */
  force?: boolean
}

export interface ImportFileResult {
  definition: ProcessDefinition
  format: ImportFormat
  outFile: string
  warnings: InteropWarning[]
}

function detect(file: string, text: string): ImportFormat {
  const ext = extname(file).toLowerCase()
  if (ext === '.json') return 'json'
  if (ext === '.yml' || ext === '.yaml') return 'znuny'
  return text.trimStart().startsWith('{') ? 'json' : 'znuny'
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false)
}

async function readTarget(dir: string): Promise<{ target?: TargetSnapshot; file: string }> {
  const file = join(dir, 'ablauf.target.json')
  if (!(await exists(file))) return { file }
  let raw: unknown
  try {
    raw = JSON.parse(await readFile(file, 'utf8'))
  } catch (err) {
    throw new AblaufError('TARGET_INVALID', `${file}: not valid JSON: ${err instanceof Error ? err.message : String(err)}`)
  }
  const r = targetSnapshotSchema.safeParse(raw)
  if (!r.success) throw new AblaufError('TARGET_INVALID', `${file}: not a target snapshot: ${r.error.issues[0]?.message ?? ''}`)
  return { target: r.data, file }
}

/**
 * `ablauf import`: reads a JSON definition or a Znuny/OTOBO YAML export, checks its prerequisites
 * against the target snapshot in `dir` (every missing queue, role, dynamic field, … in one error), and
 * writes a readable `.process.ts` module. Nothing is written unless every step succeeded.
 */
export async function importProcessFile(options: ImportFileOptions): Promise<ImportFileResult> {
  const file = resolve(options.file)
  await assertFileSize(file)
  const text = await readFile(file, 'utf8')
  const format = options.from ?? detect(file, text)
  const { target, file: targetFile } = await readTarget(options.dir)
  let definition: ProcessDefinition
  let warnings: InteropWarning[]
  try {
    if (format === 'json') {
      const r = importDefinitionJson(text, target === undefined ? {} : { target })
      definition = r.definition
      warnings = r.warnings.map((i) => ({ entityId: definition.id, path: i.path, message: i.message }))
    } else {
      const r = importZnunyYaml(text)
      definition = r.definition
      warnings = r.warnings
    }
    if (target !== undefined) assertPrerequisites(definition, target, basename(targetFile))
  } catch (err) {
    if (err instanceof AblaufError && err.code === 'IMPORT_FAILED') {
      throw new AblaufError('IMPORT_FAILED', `${options.file}: ${err.message}`, err.details, { cause: err })
    }
    throw err
  }
  const outFile = resolve(options.out ?? join(options.dir, `${definition.id}.process.ts`))
  if (!options.force && (await exists(outFile))) {
    throw importFailed(`${outFile} exists; pass --force to overwrite it or --out to write elsewhere`, [])
  }
  await mkdir(dirname(outFile), { recursive: true })
  const tmp = `${outFile}.${process.pid}.tmp`
  await writeFile(tmp, generateProcessModule(definition), 'utf8')
  await rename(tmp, outFile)
  return { definition, format, outFile, warnings }
}
