import { readFile } from 'node:fs/promises'
import { canonicalJson, checkDefinition, type ProcessDefinition } from '@ablauf/sdk/definition'
import type { Issue } from '@ablauf/sdk/errors'
import type { TargetSnapshot } from '@ablauf/sdk/target'
import { importFailed } from '../import-error.js'
import { assertFileSize, assertTextSize } from '../import-limits.js'

/**
 * A definition as exported JSON: its canonical form (sorted keys, defaults filled), newline-terminated,
 * so two exports of the same definition are byte-identical and hash the same.
 *
 * @example
 * ```ts
 * await writeFile('triage.json', definitionToJson(definition))
 * ```
 */
export function definitionToJson(definition: ProcessDefinition): string {
  return `${canonicalJson(definition)}\n`
}

/** The result of a JSON import: the checked definition and the validator's warnings. */
export interface JsonImport {
  definition: ProcessDefinition
  warnings: Issue[]
}

/**
 * Parses exported JSON as a definition and checks it (against `target` when given). Not JSON, another
 * shape, or an invalid definition fail with IMPORT_FAILED, the path of the first problem and every issue.
 */
export function importDefinitionJson(text: string, options: { target?: TargetSnapshot } = {}): JsonImport {
  assertTextSize(text)
  let input: unknown
  try {
    input = JSON.parse(text)
  } catch (err) {
    throw importFailed(`not valid JSON: ${err instanceof Error ? err.message : String(err)}`, [])
  }
  // An engine version response ({ definition, hash, … }) imports as its definition.
  if (typeof input === 'object' && input !== null && !('apiVersion' in input) && 'definition' in input) {
    input = (input as { definition: unknown }).definition
  }
  const r = checkDefinition(input, options.target === undefined ? {} : { target: options.target })
  const errors = r.issues.filter((i) => i.severity !== 'warning')
  if (!r.ok || !r.definition) {
    const first = errors[0]
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''
    throw importFailed(`not a valid process definition: ${first?.message ?? 'invalid'}${more}`, first?.path ?? [], r.issues)
  }
  return { definition: r.definition, warnings: r.issues.filter((i) => i.severity === 'warning') }
}

/** Reads and imports a JSON file (size checked before reading). */
export async function importDefinitionJsonFile(file: string, options: { target?: TargetSnapshot } = {}): Promise<JsonImport> {
  await assertFileSize(file)
  return importDefinitionJson(await readFile(file, 'utf8'), options)
}
