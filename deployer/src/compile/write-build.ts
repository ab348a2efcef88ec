import { canonicalJson } from '@ablauf/sdk'
import { readBuildManifest, type BuildManifest } from './build-manifest.js'
import { writeBuildEntries } from './build-output.js'
import type { CompiledProcess } from './compile-types.js'

/**
 * Writes one canonical JSON file per process (`<id>.json`) and `manifest.json` into `outDir`;
 * files of a previous build that are no longer produced are removed. Output is deterministic.
 */
export function writeBuild(outDir: string, processes: readonly CompiledProcess[]): BuildManifest {
  return writeBuildEntries(
    outDir,
    processes.map((p) => ({ process: p, json: canonicalJson(p.definition) })),
    readBuildManifest(outDir),
  )
}
