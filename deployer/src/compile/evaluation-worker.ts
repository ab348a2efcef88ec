import { readFileSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import { readBuildManifest } from './build-manifest.js'
import { CheckCache } from './check-cache.js'
import { validateDefinitions } from './definition-validation.js'
import { evaluateModules } from './evaluate-modules.js'
import { hostSdkModules } from './host-sdk-modules.js'
import { readTargetSnapshot } from './target-snapshot-file.js'
import { transpileModule } from './transpile-module.js'
import type { WorkerInput, WorkerResult } from './worker-evaluation.js'

// The evaluation worker of a cold compile (see worker-evaluation.ts): it reads the target and the
// previous build's manifest, evaluates every process module and checks the definitions while the
// main thread type-checks (which then needs neither the sdk nor zod).
const input = workerData as WorkerInput
const consoleCalls: WorkerResult['console'] = []
const target = readTargetSnapshot(input.rootDir)
const outcomes = evaluateModules(input.files, {
  hostModules: hostSdkModules(),
  rootDir: input.rootDir,
  timeoutMs: input.timeoutMs,
  transpile: (file) => transpileModule(file, readFileSync(file, 'utf8')),
  onConsole: (level, args) => consoleCalls.push({ level, args: args.map(String) }),
})
const raws = [...outcomes.values()].flatMap((o) => (o.ok ? [o.raw] : []))
const cache = new CheckCache()
for (const o of outcomes.values()) if (o.ok && o.parsed) cache.trustParsed(o.raw)
const result: WorkerResult = {
  target,
  outcomes: [...outcomes],
  checks: validateDefinitions(raws, target.target, cache),
  previousBuild: input.outDir === undefined ? undefined : readBuildManifest(input.outDir),
  console: consoleCalls,
}
parentPort?.postMessage(result)
