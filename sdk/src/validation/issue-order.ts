import type { Issue } from '../errors.js'

function comparePaths(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string | number
    const y = b[i] as string | number
    if (x === y) continue
    if (typeof x === 'number' && typeof y === 'number') return x - y
    if (typeof x !== typeof y) return typeof x === 'number' ? -1 : 1
    return x < y ? -1 : 1
  }
  return a.length - b.length
}

/**
 * Issues in a stable order: by path (array indexes numerically), then code, then message, so output
 * and snapshots do not depend on the order the rules ran in.
 *
 * @example
 * ```ts
 * sortIssues(issues).map((i) => i.path.join('.')) // ['activities.2', 'activities.10', 'transitions.0.to']
 * ```
 */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) => comparePaths(a.path, b.path) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  )
}

/**
 * True when any issue is an error; warnings alone do not fail a compile or a deployment.
 *
 * @example
 * ```ts
 * if (hasErrors(validateDefinition(def, { target }))) process.exitCode = 1
 * ```
 */
export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity !== 'warning')
}
