import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { BuildManifest } from './build-manifest.js'
import type { DefinitionCheck } from './check-cache.js'
import type { ModuleOutcome } from './evaluate-modules.js'
import type { readTargetSnapshot } from './target-snapshot-file.js'

/** What the evaluation worker is asked. */
export interface WorkerInput {
  rootDir: string
  timeoutMs: number
  /** The process modules, in the order the compiler evaluates them. */
  files: string[]
  /** The build directory, whose manifest the worker reads. */
  outDir: string | undefined
}

/** What the evaluation worker answers, all plain data. */
export interface WorkerResult {
  target: ReturnType<typeof readTargetSnapshot>
  /** By file, in the order of `files`. */
  outcomes: [string, ModuleOutcome][]
  /** The checks of the definitions of the modules that evaluated, in the same order. */
  checks: DefinitionCheck[]
  /** The manifest of the previous build in `outDir`. */
  previousBuild: BuildManifest | undefined
  /** What the modules wrote with `console.*`. */
  console: { level: string; args: string[] }[]
}

/** A running evaluation worker. */
export interface PendingEvaluation {
  /** The worker's answer; rejects when the worker failed or was cancelled. */
  readonly result: Promise<WorkerResult>
  /** Stops the worker when its answer is not needed. */
  cancel(): void
}

const WORKER_SCRIPT = new URL('./evaluation-worker.js', import.meta.url)

/**
 * Evaluates and checks the process modules in a worker thread, so that this work runs on the other
 * core while the main thread type-checks (TypeScript's checker is single-threaded). `undefined` when
 * there is no compiled worker script next to this module (the compiler runs from its TypeScript
 * sources, as in unit tests) or no thread to be had: the caller then evaluates in its own thread.
 */
export function startWorkerEvaluation(input: WorkerInput): PendingEvaluation | undefined {
  if (!existsSync(fileURLToPath(WORKER_SCRIPT))) return undefined
  let worker: Worker
  try {
    worker = new Worker(WORKER_SCRIPT, { workerData: input })
  } catch {
    return undefined
  }
  const result = new Promise<WorkerResult>((resolve, reject) => {
    worker.once('message', (message) => resolve(message as WorkerResult))
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`the evaluation worker exited (code ${code}) without an answer`)))
  })
  // A cancelled worker's rejection is expected and nobody awaits it.
  result.catch(() => undefined)
  return { result, cancel: () => void worker.terminate() }
}
