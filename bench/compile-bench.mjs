// Compile benchmark: cold `ablauf compile` vs `tsc --noEmit` on N synthetic processes, and the p50 of a
// one-file rebuild under the watch compiler. Run after `npm run build`: `npm run bench -- compile`.
// Prints numbers only; nothing here asserts a time.
// From its second run on, `ablauf compile` compiles typescript.js with the V8 code cache the first
// run left in node_modules/.cache/ablauf (tsc does the same on Node >= 22 through
// module.enableCompileCache, not on Node 20); NODE_DISABLE_COMPILE_CACHE=1 measures it without.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const CLI = path.join(ROOT, 'deployer/dist/bin/ablauf.js')
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc')
const { createCompiler, DEFAULT_TARGET, writeTargetFiles } = await import(path.join(ROOT, 'deployer/dist/index.js'))
const { targetSnapshotSchema } = await import('@ablauf/sdk/target')

const SIZES = (process.env.BENCH_SIZES ?? '50,200').split(',').map(Number)
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const WATCH_EDITS = Number(process.env.BENCH_WATCH_EDITS ?? 20)

function processModule(i) {
  const users = Array.from({ length: 10 }, (_, k) => `u${k + 1}`)
  const chain = ['classify', 'lookup', ...users, 'settle', 'notify', 'done']
  const lines = [
    `import { addArticle, defineProcess, field, setQueue, setState } from '@ablauf/sdk'`,
    ``,
    `export default defineProcess('bench-${i}', {`,
    `  name: 'Bench ${i}',`,
    `  description: 'Synthetic process ${i}',`,
    `  start: { on: 'ticket.created', when: field('Queue').eq('Service Desk') },`,
    `})`,
    `  .script('classify', { description: 'Classify', script: 'classify-by-keywords', params: { source: 'Title' } })`,
    `  .service('lookup', { description: 'Lookup', webService: 'ERP', invoker: 'WarrantyLookup', output: { 'body.status': 'DynamicField_Warranty' } })`,
    ...users.map((u) => `  .user('${u}', { description: 'Step ${u}', dialogs: [{ title: 'Step ${u} of ${i}', fields: { DynamicField_Category: 'required', Article: 'optional' } }] })`),
    `  .wait('settle', { description: 'Settle' })`,
    `  .script('notify', { description: 'Notify', script: 'classify-by-keywords', params: { source: 'Title' } })`,
    `  .end('done', { description: 'Done' })`,
    ...chain.slice(0, -1).map((from, k) =>
      `  .transition('${from}', '${chain[k + 1]}', { description: 'Next', when: field('DynamicField_Category').eq('hardware'), actions: [setQueue('Hardware')] })`,
    ),
    `  .transition('lookup', 'u1', { on: 'error', description: 'Failed', actions: [addArticle({ subject: 'Lookup failed', body: 'x' })] })`,
    `  .transition('settle', 'done', { description: 'Close', actions: [setState('closed successful')] })`,
    ...chain.slice(0, -1).map((from) => `  .transition('${from}', 'done', { description: 'Otherwise' })`),
    ``,
  ]
  return lines.join('\n')
}

function makeRepo(n) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `ablauf-bench-${n}-`))
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'))
  writeTargetFiles(dir, targetSnapshotSchema.parse(DEFAULT_TARGET))
  const compilerOptions = { target: 'ES2023', lib: ['ES2023'], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: true, noEmit: true, types: [] }
  writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['*.process.ts', 'ablauf-target.d.ts'] }, null, 2))
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'bench', private: true, type: 'module' }))
  for (let i = 0; i < n; i++) writeFileSync(path.join(dir, `bench-${i}.process.ts`), processModule(i))
  return dir
}

function timed(cmd, args, cwd, env = process.env) {
  const t = performance.now()
  const r = spawnSync(process.execPath, [cmd, ...args], { cwd, encoding: 'utf8', env })
  const ms = performance.now() - t
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} failed: ${r.stderr}`)
  return { ms, status: r.status, out: r.stdout.trim().split('\n').at(-1) }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
// The fastest of several cold runs: on a shared machine, noise only ever adds time.
const fastest = (xs) => Math.min(...xs)

for (const n of SIZES) {
  const dir = makeRepo(n)
  try {
    const compile = []
    const uncached = []
    const tsc = []
    let summary = ''
    const noCache = { ...process.env, NODE_DISABLE_COMPILE_CACHE: '1' }
    for (let r = 0; r < RUNS; r++) {
      const c = timed(CLI, ['compile', '--dir', '.', '--out', '.ablauf/build'], dir)
      summary = c.out
      if (c.status !== 0) throw new Error(`compile of the bench repo failed: ${c.out}`)
      compile.push(c.ms)
      // What the first run after an install (a CI machine) sees: typescript.js compiled from source.
      uncached.push(timed(CLI, ['compile', '--dir', '.', '--out', '.ablauf/build'], dir, noCache).ms)
      tsc.push(timed(TSC, ['--noEmit', '-p', '.'], dir).ms)
    }
    const compiler = createCompiler({ dir, cwd: dir })
    await compiler.compile()
    const edits = []
    const file = path.join(dir, 'bench-0.process.ts')
    const original = readFileSync(file, 'utf8')
    for (let e = 0; e < WATCH_EDITS; e++) {
      writeFileSync(file, original.replace("name: 'Bench 0'", `name: 'Bench 0 edit ${e}'`))
      const t = performance.now()
      const result = await compiler.update([file])
      edits.push(performance.now() - t)
      if (result.errorCount !== 0) throw new Error('watch rebuild of the bench repo failed')
    }
    const c = fastest(compile)
    const u = fastest(uncached)
    const t = fastest(tsc)
    console.log(
      `compile bench N=${n} (best of ${RUNS}): ablauf compile ${c.toFixed(0)} ms, tsc --noEmit ${t.toFixed(0)} ms, ratio ${(c / t).toFixed(2)}× (target ≤ 1.3×); ` +
        `without the V8 code cache ${u.toFixed(0)} ms, ratio ${(u / t).toFixed(2)}×; ` +
        `watch one-file p50 ${median(edits).toFixed(0)} ms (target < 250 ms) [${summary}]`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
