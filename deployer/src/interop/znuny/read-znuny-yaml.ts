import { parse, YAMLParseError } from 'yaml'
import type { Issue } from '@ablauf/sdk/errors'
import { importFailed } from '../import-error.js'
import { assertTextSize, MAX_YAML_ALIASES } from '../import-limits.js'
import { znunyProcessFileSchema, type ZnunyProcessFile } from './znuny-schema.js'

/**
 * Parses the text of a Znuny / OTOBO process export (YAML) into its typed shape. Refuses input over
 * the size limit before parsing, alias bombs (too many aliases), text that is not YAML, and YAML of
 * another shape, each with IMPORT_FAILED and the path of the problem.
 *
 * @example
 * ```ts
 * const file = readZnunyYaml(await readFile('Book_ordering.yml', 'utf8'))
 * file.Process.Name // 'Book ordering'
 * ```
 */
export function readZnunyYaml(text: string): ZnunyProcessFile {
  assertTextSize(text)
  let doc: unknown
  try {
    doc = parse(text, { maxAliasCount: MAX_YAML_ALIASES, prettyErrors: true })
  } catch (err) {
    throw yamlError(err)
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw importFailed('expected a Znuny/OTOBO process export (a YAML map with Process, Activities, …)', [])
  }
  if (!('Process' in doc)) {
    const keys = Object.keys(doc).slice(0, 5).join(', ')
    throw importFailed(`no "Process" key; this YAML is not a Znuny/OTOBO process export (found ${keys || 'no keys'})`, ['Process'])
  }
  const r = znunyProcessFileSchema.safeParse(doc)
  if (r.success) return r.data
  const issues: Issue[] = r.error.issues.map((i) => ({
    code: 'ZNUNY_SHAPE',
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: i.message,
    severity: 'error',
  }))
  const first = issues[0]
  throw importFailed(
    `not the shape of a Znuny/OTOBO process export: ${first?.message ?? 'invalid'}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`,
    first?.path ?? [],
    issues,
  )
}

function yamlError(err: unknown) {
  if (err instanceof YAMLParseError) {
    const pos = err.linePos?.[0]
    const where = pos ? `line ${pos.line}, column ${pos.col}` : 'unknown position'
    return importFailed(`not valid YAML at ${where}: ${err.message.split('\n')[0] ?? err.code}`, [])
  }
  const message = err instanceof Error ? err.message : String(err)
  if (/alias/i.test(message)) {
    return importFailed(`too many YAML aliases (over ${MAX_YAML_ALIASES}); refusing a possible alias bomb`, [])
  }
  return importFailed(`not valid YAML: ${message}`, [])
}
