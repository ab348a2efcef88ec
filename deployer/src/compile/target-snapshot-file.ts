import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { targetSnapshotSchema, type TargetSnapshot } from '@ablauf/sdk/target'
import { TARGET_SNAPSHOT_FILE } from './repo-layout.js'

export { TARGET_SNAPSHOT_FILE } from './repo-layout.js'

/** A problem with the snapshot file, at a JSON path inside it. */
export interface SnapshotProblem {
  file: string
  message: string
}

/**
 * Reads and validates `ablauf.target.json` of `dir`. Absent → `target` undefined and no problems
 * (the compiler then checks no target references); unreadable or invalid → problems.
 */
export function readTargetSnapshot(dir: string): { target: TargetSnapshot | undefined; problems: SnapshotProblem[] } {
  const file = path.join(dir, TARGET_SNAPSHOT_FILE)
  if (!existsSync(file)) return { target: undefined, problems: [] }
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (err) {
    return { target: undefined, problems: [{ file, message: `${TARGET_SNAPSHOT_FILE} is not JSON: ${(err as Error).message}; run \`ablauf schema pull\`` }] }
  }
  const parsed = targetSnapshotSchema.safeParse(json)
  if (parsed.success) return { target: parsed.data, problems: [] }
  return {
    target: undefined,
    problems: parsed.error.issues.map((i) => ({
      file,
      message: `invalid target snapshot at ${i.path.map(String).join('.') || '(root)'}: ${i.message}; run \`ablauf schema pull\``,
    })),
  }
}
