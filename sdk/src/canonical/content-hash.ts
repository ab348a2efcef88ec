import { createHash } from 'node:crypto'
import type { ProcessDefinition } from '../definition/definition-schema.js'
import { canonicalJson } from './canonical-json.js'

/**
 * The content hash of a definition: lower-case sha256 hex of its {@link canonicalJson}. Versions,
 * plans and pinned sub-processes compare definitions by this hash; equal hashes mean no work.
 * Hash the parsed definition (defaults filled in), so that writing a default out or leaving it away
 * gives the same hash.
 *
 * @example
 * ```ts
 * const r = parseDefinition(input)
 * if (r.ok) contentHash(r.value) // '3f2a…' (64 hex digits)
 * ```
 */
export function contentHash(definition: ProcessDefinition): string {
  return createHash('sha256').update(canonicalJson(definition), 'utf8').digest('hex')
}
