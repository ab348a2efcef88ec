import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { generateTargetTypes, type TargetSnapshot } from '@ablauf/sdk/target'
import { TARGET_TYPES_FILE } from '../compile/process-project.js'
import { TARGET_SNAPSHOT_FILE } from '../compile/target-snapshot-file.js'

type Json = string | number | boolean | null | Json[] | { [key: string]: Json }

function entryName(value: Json): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const n = value['name'] ?? value['login']
  return typeof n === 'string' ? n : undefined
}

/** Keys sorted; lists of named entries (queues, users, …) sorted by name, so that pulls diff cleanly. */
function sortJson(value: Json): Json {
  if (Array.isArray(value)) {
    const items = value.map(sortJson)
    if (items.length > 0 && items.every((i) => entryName(i) !== undefined)) {
      items.sort((a, b) => {
        const x = entryName(a) ?? ''
        const y = entryName(b) ?? ''
        return x < y ? -1 : x > y ? 1 : 0
      })
    }
    return items
  }
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, Json> = {}
    for (const key of Object.keys(value).sort()) {
      const v = value[key]
      if (v !== undefined) out[key] = sortJson(v)
    }
    return out
  }
  return value
}

/** The text of `ablauf.target.json`: sorted, pretty, with a final newline. */
export function snapshotText(snapshot: TargetSnapshot): string {
  return `${JSON.stringify(sortJson(snapshot as unknown as Json), null, 2)}\n`
}

/** Writes `ablauf.target.json` and the generated `ablauf-target.d.ts` into `dir`. */
export function writeTargetFiles(dir: string, snapshot: TargetSnapshot): { snapshotFile: string; typesFile: string } {
  mkdirSync(dir, { recursive: true })
  const snapshotFile = path.join(dir, TARGET_SNAPSHOT_FILE)
  const typesFile = path.join(dir, TARGET_TYPES_FILE)
  writeFileSync(snapshotFile, snapshotText(snapshot))
  writeFileSync(typesFile, generateTargetTypes(snapshot))
  return { snapshotFile, typesFile }
}
