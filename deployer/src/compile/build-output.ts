import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { BuildManifest } from './build-manifest.js'
import type { CompiledProcess } from './compile-types.js'

/** The manifest file of a build directory. */
export const MANIFEST_FILE = 'manifest.json'

/** A process of a build and its canonical JSON text. */
export interface BuildEntry {
  process: CompiledProcess
  json: string
}

/**
 * Writes one canonical JSON file per process (`<id>.json`) and `manifest.json` into `outDir`;
 * files of the `previous` build (its manifest, read before) that are no longer produced are
 * removed. Output is deterministic.
 */
export function writeBuildEntries(outDir: string, entries: readonly BuildEntry[], previous: BuildManifest | undefined): BuildManifest {
  mkdirSync(outDir, { recursive: true })
  const sorted = [...entries].sort((a, b) => (a.process.id < b.process.id ? -1 : a.process.id > b.process.id ? 1 : 0))
  const manifest: BuildManifest = {
    apiVersion: 'ablauf/build-v1',
    processes: sorted.map(({ process: p }) => ({ id: p.id, hash: p.hash, source: p.source, file: `${p.id}.json` })),
  }
  const keep = new Set(manifest.processes.map((p) => p.file))
  for (const old of previous?.processes ?? []) {
    if (!keep.has(old.file) && path.basename(old.file) === old.file) rmSync(path.join(outDir, old.file), { force: true })
  }
  for (const { process: p, json } of sorted) writeIfChanged(path.join(outDir, `${p.id}.json`), `${json}\n`)
  writeIfChanged(path.join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)
  return manifest
}

function writeIfChanged(file: string, text: string): void {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return
  writeFileSync(file, text)
}
