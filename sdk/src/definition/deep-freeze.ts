/**
 * Freezes `value` and everything in it; returns it. Walks into objects that are frozen already, since a
 * frozen parent says nothing about its children. For plain data (no cycles).
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value
  Object.freeze(value)
  for (const inner of Object.values(value)) deepFreeze(inner)
  return value
}
