/**
 * Edit distance with adjacent transpositions (optimal string alignment Damerau–Levenshtein):
 * the number of insertions, deletions, substitutions and swaps of neighbours from `a` to `b`.
 *
 * @example
 * ```ts
 * editDistance('Servce Desk', 'Service Desk') // 1
 * editDistance('Tilte', 'Title') // 1 (one swap)
 * ```
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = []
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i]
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j)
        continue
      }
      const prev = rows[i - 1] ?? []
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (rows[i - 2]?.[j - 2] ?? 0) + 1)
      }
      row.push(d)
    }
    rows.push(row)
  }
  return rows[a.length]?.[b.length] ?? 0
}

/**
 * The candidate `name` was most likely meant to be: a case-insensitive exact match first, else the
 * closest one within `max(2, length / 3)` edits (ties: the first in `candidates`). A candidate that
 * would need every character of the shorter word replaced is no suggestion (`"fr"` is not `"de"`).
 *
 * @example
 * ```ts
 * suggest('Servce Desk', ['Raw', 'Service Desk']) // 'Service Desk'
 * suggest('xyz', ['Raw']) // undefined
 * ```
 */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates]
  const lower = name.toLowerCase()
  const sameCase = list.find((c) => c.toLowerCase() === lower)
  if (sameCase !== undefined) return sameCase
  const limit = Math.max(2, Math.floor(name.length / 3))
  let best: string | undefined
  let bestDistance = Infinity
  for (const c of list) {
    const d = editDistance(lower, c.toLowerCase())
    if (d <= limit && d < Math.min(name.length, c.length) && d < bestDistance) {
      best = c
      bestDistance = d
    }
  }
  return best
}

/**
 * The message of an unknown reference: `unknown queue "Servce Desk" — did you mean "Service Desk"?`;
 * without a close match it lists a few known names so the author sees what exists.
 *
 * @example
 * ```ts
 * unknownMessage('queue', 'Servce Desk', ['Raw', 'Service Desk'])
 * // 'unknown queue "Servce Desk" — did you mean "Service Desk"?'
 * ```
 */
export function unknownMessage(kind: string, name: string, candidates: Iterable<string>, where = ''): string {
  const list = [...candidates]
  const head = `unknown ${kind} "${name}"${where}`
  const hint = suggest(name, list)
  if (hint !== undefined) return `${head} — did you mean "${hint}"?`
  if (list.length === 0) return `${head}; the target has none — add it there or remove the reference`
  const shown = list.slice(0, 8).map((c) => `"${c}"`).join(', ')
  return `${head}; known: ${shown}${list.length > 8 ? `, … (${list.length} in all)` : ''}`
}
