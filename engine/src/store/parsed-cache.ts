/**
 * A bounded LRU of values parsed from stored rows: rows that never change under their key (process
 * versions by content hash), or rows that only the owner of the cache writes and keeps up to date
 * (the SQLite store's tickets and instances, cleared whenever they may be stale). zod parses each
 * once, not once per step. Cached values are deep-frozen, since every caller shares them.
 */
export class ParsedCache<V> {
  readonly #max: number
  readonly #entries = new Map<string, V>()

  constructor(max: number) {
    this.#max = max
  }

  /** The cached value of `key`, or undefined (and it becomes the most recently used). */
  get(key: string): V | undefined {
    const hit = this.#entries.get(key)
    if (hit === undefined) return undefined
    this.#entries.delete(key)
    this.#entries.set(key, hit)
    return hit
  }

  /** Caches `value` (frozen) under `key`, dropping the least recently used entry when full; returns it. */
  set(key: string, value: V): V {
    const frozen = deepFreeze(value)
    this.#entries.delete(key)
    this.#entries.set(key, frozen)
    if (this.#entries.size > this.#max) {
      const oldest = this.#entries.keys().next()
      if (oldest.done !== true) this.#entries.delete(oldest.value)
    }
    return frozen
  }

  /** Forgets `key`. */
  delete(key: string): void {
    this.#entries.delete(key)
  }

  /** Forgets everything. */
  clear(): void {
    this.#entries.clear()
  }

  /** The cached value of `key`, or `parse()` cached. */
  getOrParse(key: string, parse: () => V): V {
    return this.get(key) ?? this.set(key, parse())
  }
}

/** Freezes `value` and everything in it; returns it. */
export function deepFreeze<V>(value: V): V {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value
  for (const inner of Object.values(value)) deepFreeze(inner)
  return Object.freeze(value)
}
