import { readdirSync, readFileSync } from 'node:fs'
import { isProcessBuilder, type ProcessDefinition } from '@ablauf/sdk'
import { targetSnapshotSchema, type TargetSnapshot } from '@ablauf/sdk/target'

/** The processes directory, with a trailing slash. */
export const PROCESSES_DIR = new URL('../', import.meta.url)

/** The committed target snapshot; its people let `{{customer.Email}}` and friends render in simulations. */
export const target: TargetSnapshot = targetSnapshotSchema.parse(JSON.parse(readFileSync(new URL('ablauf.target.json', PROCESSES_DIR), 'utf8')))

/** Every `*.process.ts` of the repository, by file name, as `ablauf compile` finds them. */
export async function loadProcesses(): Promise<Array<{ file: string; definition: ProcessDefinition }>> {
  const files = readdirSync(PROCESSES_DIR).filter((f) => f.endsWith('.process.ts')).sort()
  return Promise.all(
    files.map(async (file) => {
      const mod = (await import(new URL(file, PROCESSES_DIR).href)) as { default?: unknown }
      if (!isProcessBuilder(mod.default)) throw new Error(`${file} has no process builder as its default export`)
      return { file, definition: mod.default.toDefinition() }
    }),
  )
}
