import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { MANIFEST_FILE } from './build-output.js'

export const buildManifestSchema = z.strictObject({
  apiVersion: z.literal('ablauf/build-v1'),
  processes: z.array(z.strictObject({ id: z.string(), hash: z.string(), source: z.string(), file: z.string() })),
})
/** What a build directory holds: one entry per process, sorted by id. */
export type BuildManifest = z.infer<typeof buildManifestSchema>

/** The manifest of a build directory, or `undefined` when there is none (or it is not ours). */
export function readBuildManifest(outDir: string): BuildManifest | undefined {
  const file = path.join(outDir, MANIFEST_FILE)
  if (!existsSync(file)) return undefined
  try {
    const r = buildManifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    return r.success ? r.data : undefined
  } catch {
    return undefined
  }
}
