/**
 * True for a `Date` from any realm: a process module may be evaluated in a sandbox whose `Date` is
 * not this module's, so `instanceof` would miss it.
 */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]'
}

/** Dates become ISO 8601 strings, so definitions stay plain JSON; anything else passes through. */
export function isoIfDate<T>(value: T | Date): T | string {
  return isDate(value) ? value.toISOString() : value
}
