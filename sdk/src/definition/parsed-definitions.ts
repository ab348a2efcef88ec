import { deepFreeze } from './deep-freeze.js'
import type { ProcessDefinition } from './definition-schema.js'

// Definitions this copy of the sdk parsed and deep-froze. Module-private: only the sdk adds to it,
// so a value found here is exactly what the schema produced and cannot have changed since.
const parsed = new WeakSet<object>()

/** Deep-freezes a definition the schema just produced and records it as parsed. */
export function markParsedDefinition(def: ProcessDefinition): ProcessDefinition {
  deepFreeze(def)
  parsed.add(def)
  return def
}

/**
 * True when `value` is a definition this copy of the sdk parsed itself (e.g. the result of a
 * builder's `toDefinition()`): deep-frozen, so it still is what the schema produced and need not be
 * parsed again. False for anything else, including equal copies; parse those.
 *
 * @example
 * ```ts
 * const def = defineProcess('p', { name: 'P', start: { on: 'manual' } }).end('done').toDefinition()
 * isParsedDefinition(def) // true
 * isParsedDefinition(structuredClone(def)) // false
 * ```
 */
export function isParsedDefinition(value: unknown): value is ProcessDefinition {
  return typeof value === 'object' && value !== null && parsed.has(value)
}
