// `npm run bench -- engine`: completed seed-flow instances per second (ticket created → script →
// condition → service task answered by a local ERP stub → user task submitted → end), each engine in
// its own child process so that peak RSS is its own, the ERP stub in one more: (a) Ablauf in-process on SQLite (WAL),
// (b) Ablauf through the HTTP API, (c) paed01's bpmn-engine in memory; then (d) the SQLite floor: the
// statements of 3,000 instances replayed alone (engine-sql-floor.mjs). Build first (`npx tsc -b`).
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { percentile, startErpStub } from './engine-fixture.mjs'

const SELF = fileURLToPath(import.meta.url)
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5000)
const MAX = 20_000
const TARGETS = { inproc: 3000, http: 1000 }

const summary = ({ latencies, seconds, cpuMs }) => {
  const sorted = [...latencies].sort((a, b) => a - b)
  return { completed: latencies.length, perSecond: latencies.length / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), cpuMsPerInstance: cpuMs / latencies.length }
}
const rssMb = () => process.resourceUsage().maxRSS / 1024

async function child(mode, erpUrl) {
  if (mode === 'inproc') {
    const { runInProcess } = await import('./engine-ablauf.mjs')
    const r = summary(await runInProcess({ erpUrl, durationMs: DURATION_MS, max: MAX, concurrency: 256 }))
    console.log(JSON.stringify({ ...r, rssMb: rssMb() }))
  } else if (mode === 'bpmn') {
    const { runBpmn } = await import('./engine-bpmn.mjs')
    const r = summary(await runBpmn({ erpUrl, durationMs: DURATION_MS, max: MAX, concurrency: 256 }))
    console.log(JSON.stringify({ ...r, rssMb: rssMb() }))
  } else if (mode === 'sqlfloor') {
    const { measureSqlFloor } = await import('./engine-sql-floor.mjs')
    console.log(JSON.stringify(await measureSqlFloor({ erpUrl, instances: 3000 })))
  } else if (mode === 'stub') {
    const stub = await startErpStub()
    console.log(JSON.stringify({ url: stub.url }))
    process.once('SIGTERM', async () => {
      await stub.close()
      process.exit(0)
    })
  } else if (mode === 'serve') {
    const { startBenchEngine } = await import('./engine-ablauf.mjs')
    const { engine, close } = await startBenchEngine(erpUrl)
    const cpu0 = process.cpuUsage()
    console.log(JSON.stringify({ url: engine.url }))
    process.once('SIGTERM', async () => {
      const cpu = process.cpuUsage(cpu0)
      await close()
      console.log(JSON.stringify({ rssMb: rssMb(), serverCpuMs: (cpu.user + cpu.system) / 1000 }))
      process.exit(0)
    })
  }
}

/** Spawns this file in `mode`; resolves with its JSON lines as they come. */
function spawnChild(mode, erpUrl) {
  const proc = spawn(process.execPath, [...process.execArgv, SELF, '--child', mode, erpUrl], { stdio: ['ignore', 'pipe', 'inherit'] })
  const lines = []
  const waiters = []
  createInterface({ input: proc.stdout }).on('line', (line) => {
    let parsed
    try {
      parsed = JSON.parse(line)
    } catch {
      process.stderr.write(`${line}\n`)
      return
    }
    const w = waiters.shift()
    if (w === undefined) lines.push(parsed)
    else w(parsed)
  })
  const exited = new Promise((resolve) => proc.once('exit', resolve))
  const nextLine = () =>
    lines.length > 0
      ? Promise.resolve(lines.shift())
      : Promise.race([new Promise((resolve) => waiters.push(resolve)), exited.then((code) => Promise.reject(new Error(`${mode} child exited with ${code}`)))])
  return { proc, nextLine, exited }
}

async function main() {
  if (!existsSync(new URL('../engine/dist/index.js', import.meta.url))) throw new Error('engine/dist is missing: run `npx tsc -b` first')
  // The ERP runs in a process of its own, as a real one would: sharing the load generator's event loop
  // would slow both and count the stub's latency against the engine.
  const stubChild = spawnChild('stub', '')
  const stub = await stubChild.nextLine()
  const rows = {}
  try {
    for (const mode of ['inproc', 'bpmn', 'sqlfloor']) {
      const c = spawnChild(mode, stub.url)
      rows[mode] = await c.nextLine()
      await c.exited
    }
    const server = spawnChild('serve', stub.url)
    const { url } = await server.nextLine()
    const { runHttp } = await import('./engine-ablauf.mjs')
    const http = summary(await runHttp({ url, durationMs: DURATION_MS, max: MAX, concurrency: 64 }))
    server.proc.kill('SIGTERM')
    const served = await server.nextLine()
    // The engine's CPU (the server process), not the load generator's.
    rows.http = { ...http, rssMb: served.rssMb, cpuMsPerInstance: served.serverCpuMs / http.completed }
    await server.exited
  } finally {
    stubChild.proc.kill('SIGTERM')
    await stubChild.exited
  }
  const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '-')
  const line = (name, r, target) =>
    `${name.padEnd(28)} ${fmt(r.completed).padStart(9)} ${fmt(r.perSecond).padStart(12)} ${fmt(r.p50, 1).padStart(9)} ${fmt(r.p99, 1).padStart(9)} ${fmt(r.rssMb).padStart(9)} ${fmt(r.cpuMsPerInstance * 1000).padStart(11)}  ${target === undefined ? '' : `target ≥ ${target}/s ${r.perSecond >= target ? 'met' : 'MISSED'}`}`
  console.log(`engine benchmark: seed flow, ${DURATION_MS / 1000} s or ${MAX} instances per run, ERP stub on 127.0.0.1`)
  console.log(`${'engine'.padEnd(28)} ${'instances'.padStart(9)} ${'instances/s'.padStart(12)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'peak RSS'.padStart(9)} ${'CPU µs/inst'.padStart(11)}`)
  console.log(line('ablauf in-process (SQLite)', rows.inproc, TARGETS.inproc))
  console.log(line('ablauf HTTP API (SQLite)', rows.http, TARGETS.http))
  console.log(line('bpmn-engine (memory)', rows.bpmn))
  console.log(`ratio ablauf/bpmn-engine (instances/s): in-process ${fmt(rows.inproc.perSecond / rows.bpmn.perSecond, 2)}, HTTP ${fmt(rows.http.perSecond / rows.bpmn.perSecond, 2)}`)
  const floor = rows.sqlfloor
  console.log(
    `SQLite floor: the ${fmt(floor.statementsPerInstance, 1)} statements of one instance, replayed alone on a fresh file, take ${fmt(floor.usPerInstance)} µs ` +
      `→ one connection completes at most ${fmt(1e6 / floor.usPerInstance)} instances/s even with no JavaScript around them ` +
      `(in-process run: ${fmt(rows.inproc.cpuMsPerInstance * 1000)} µs of CPU per instance, all threads)`,
  )
}

const at = process.argv.indexOf('--child')
if (at !== -1) await child(process.argv[at + 1], process.argv[at + 2])
else await main()
