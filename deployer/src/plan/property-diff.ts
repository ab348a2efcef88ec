import { canonicalJson } from '@ablauf/sdk/definition'

/** True when two JSON values are equal as data (key order does not matter). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b
  return canonicalJson(a) === canonicalJson(b)
}

/** The keys whose values differ between two plain objects, in a stable order, minus `ignore`. */
export function changedKeys(before: object, after: object, ignore: readonly string[] = []): string[] {
  const a = before as Record<string, unknown>
  const b = after as Record<string, unknown>
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...keys].filter((k) => !ignore.includes(k) && !sameJson(a[k], b[k])).sort()
}

/** One step of a sequence diff. */
export type SequenceOp<T> =
  | { op: 'keep'; before: T; after: T; beforeIndex: number; afterIndex: number }
  | { op: 'remove'; before: T; beforeIndex: number }
  | { op: 'add'; after: T; afterIndex: number }

/** A longest-common-subsequence diff of two short lists, compared by `key`. */
export function sequenceDiff<T>(before: readonly T[], after: readonly T[], key: (item: T) => string): SequenceOp<T>[] {
  const a = before.map(key)
  const b = after.map(key)
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
    }
  }
  const ops: SequenceOp<T>[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ op: 'keep', before: before[i]!, after: after[j]!, beforeIndex: i++, afterIndex: j++ })
    } else if (i < a.length && (j >= b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      ops.push({ op: 'remove', before: before[i]!, beforeIndex: i++ })
    } else {
      ops.push({ op: 'add', after: after[j]!, afterIndex: j++ })
    }
  }
  return ops
}

/** Items of `before` and `after` matched by id: removed, added and present in both, in `after`'s order. */
export function matchById<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
): { removed: T[]; added: T[]; common: { before: T; after: T }[] } {
  const old = new Map(before.map((x) => [x.id, x]))
  const next = new Set(after.map((x) => x.id))
  return {
    removed: before.filter((x) => !next.has(x.id)),
    added: after.filter((x) => !old.has(x.id)),
    common: after.flatMap((x) => {
      const prev = old.get(x.id)
      return prev === undefined ? [] : [{ before: prev, after: x }]
    }),
  }
}
