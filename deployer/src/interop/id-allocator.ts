/** Longest id stem derived from a name; leaves room for a `-2` suffix within the 100-character limit. */
const MAX_STEM = 60

/**
 * A kebab-case id from a human name: `Service Operation::Incident Management` →
 * `service-operation-incident-management`; umlauts lose their marks, `ß` becomes `ss`.
 *
 * @example
 * ```ts
 * kebabId('Approve request by process owner') // 'approve-request-by-process-owner'
 * ```
 */
export function kebabId(name: string): string {
  const ascii = name
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
  const words = ascii.split(/[^a-z0-9]+/).filter(Boolean)
  let id = ''
  for (const w of words) {
    const next = id === '' ? w : `${id}-${w}`
    if (next.length > MAX_STEM) break
    id = next
  }
  return id || words[0]?.slice(0, MAX_STEM) || ''
}

/**
 * Hands out unique ids in one namespace: the kebab form of a name, `-2`, `-3`, … on a clash,
 * `<fallback>-<n>` when a name has no letters or digits.
 */
export class IdAllocator {
  readonly #taken = new Set<string>()
  #unnamed = 0

  constructor(readonly fallback: string) {}

  /** Marks an id as taken without allocating it. */
  reserve(id: string): void {
    this.#taken.add(id)
  }

  /** A fresh id for `name`. */
  allocate(name: string): string {
    let stem = kebabId(name)
    if (stem === '') stem = `${this.fallback}-${++this.#unnamed}`
    let id = stem
    for (let n = 2; this.#taken.has(id); n++) id = `${stem}-${n}`
    this.#taken.add(id)
    return id
  }
}
