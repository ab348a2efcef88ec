// Values both adapters compute the same way when they write a ticket row.

/** Znuny-style ticket number: date + a running counter, e.g. `2025112710000042`. */
export function ticketNumber(now: string, n: number): string {
  return `${now.slice(0, 10).replaceAll('-', '')}${10_000_000 + n}`
}

/** A cleared dynamic field is absent, not stored as null. */
export function dropNulls<V>(values: Record<string, V | null>): Record<string, V> {
  const out: Record<string, V> = {}
  for (const [k, v] of Object.entries(values)) if (v !== null) out[k] = v
  return out
}
