import { stat } from 'node:fs/promises'
import { importFailed } from './import-error.js'

/** Imported files larger than this are refused before they are read or parsed. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024

/** YAML aliases allowed per document; a few hundred is plenty for real exports, too few for a bomb. */
export const MAX_YAML_ALIASES = 1000

/** Throws IMPORT_FAILED when `text` is over {@link MAX_IMPORT_BYTES}. */
export function assertTextSize(text: string, limit = MAX_IMPORT_BYTES): void {
  const bytes = Buffer.byteLength(text, 'utf8')
  if (bytes > limit) throw tooLarge(bytes, limit)
}

/** Throws IMPORT_FAILED when the file at `file` is over the limit, without reading it. */
export async function assertFileSize(file: string, limit = MAX_IMPORT_BYTES): Promise<void> {
  const { size } = await stat(file)
  if (size > limit) throw tooLarge(size, limit)
}

function tooLarge(bytes: number, limit: number) {
  return importFailed(
    `input is ${bytes} bytes, over the import limit of ${limit} bytes (${Math.round(limit / 1024 / 1024)} MB); is this really a process export?`,
    [],
  )
}
