// GitOps benchmark: commit-to-deployed latency over N webhook-triggered commits (p50/p95) through the
// real reconciler and the real engine, and plan time for P processes against an engine holding them.
// Run after `npm run build`: `npm run bench -- gitops`. Prints numbers only; nothing here asserts a time.
// Knobs: BENCH_COMMITS (20), BENCH_PROCESSES (1000), BENCH_PLAN_RUNS (5).
import { execFileSync } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const { parseConfig, startEngine } = await import('@ablauf/engine')
const { parseDefinition } = await import('@ablauf/sdk/definition')
const { pino } = await import('pino')
const deployer = await import(path.join(ROOT, 'deployer/dist/index.js'))
const { startReconciler } = await import(path.join(ROOT, 'deployer/dist/commands/reconcile-command.js'))

const COMMITS = Number(process.env.BENCH_COMMITS ?? 20)
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 1000)
const PLAN_RUNS = Number(process.env.BENCH_PLAN_RUNS ?? 5)
const TOKEN = 'bench-admin-token-0123456789abcdef'
const SECRET = 'bench-webhook-secret'
const logger = pino({ level: 'silent' })
const tmp = mkdtempSync(path.join(os.tmpdir(), 'ablauf-gitops-bench-'))

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]
}
const ms = (x) => `${x.toFixed(1)} ms`
const git = (cwd, ...args) => execFileSync('git', args, { cwd, stdio: 'pipe' }).toString().trim()

async function engineAt(name) {
  const config = parseConfig(readFileSync(path.join(ROOT, 'engine/config/demo.yaml'), 'utf8'))
  return startEngine({ config, db: `sqlite:${path.join(tmp, `${name}.db`)}`, port: 0, env: {}, adminToken: TOKEN, logger, startWorker: false })
}

function processModule(name) {
  return `import { defineProcess } from '@ablauf/sdk'

export default defineProcess('bench-intake', { name: ${JSON.stringify(name)}, description: 'Benchmark', start: { on: 'ticket.created' } })
  .user('start', { description: 'Fill in', dialogs: [{ title: 'Start', interface: ['agent'], fields: { Title: 'required' } }] })
  .end('done', { description: 'Finished' })
  .transition('start', 'done', { description: 'Finish' })
`
}

async function latencyBench() {
  const engine = await engineAt('latency')
  const origin = path.join(tmp, 'origin.git')
  const work = path.join(tmp, 'work')
  git(tmp, 'init', '--bare', '-b', 'main', origin)
  mkdirSync(path.join(work, 'processes'), { recursive: true })
  git(work, 'init', '-b', 'main')
  git(work, 'config', 'user.name', 'Bench')
  git(work, 'config', 'user.email', 'bench@example.org')
  git(work, 'remote', 'add', 'origin', origin)
  const commit = (name) => {
    writeFileSync(path.join(work, 'processes', 'intake.process.ts'), processModule(name))
    git(work, 'add', '-A')
    git(work, 'commit', '-q', '-m', name)
    git(work, 'push', '-q', 'origin', 'main')
    return git(work, 'rev-parse', 'HEAD')
  }
  commit('Bench v0')
  const ctx = {
    logger,
    output: { out: () => {}, err: () => {} },
    env: { ABLAUF_ENGINE_URL: engine.url, ABLAUF_TOKEN: TOKEN, ABLAUF_WEBHOOK_SECRET: SECRET },
    cwd: tmp,
    fetch,
    signal: new AbortController().signal,
    setExitCode: () => {},
  }
  const r = await startReconciler({ repo: origin, cache: 'cache', webhookPort: '0', interval: '1h' }, ctx)
  await r.loop.trigger('warm-up')
  const latestCommit = async () => {
    const res = await fetch(`${engine.url}/api/v1/deployments`, { headers: { authorization: `Bearer ${TOKEN}` } })
    return (await res.json()).deployments[0]?.source.commit
  }
  const latencies = []
  for (let i = 1; i <= COMMITS; i++) {
    const sha = commit(`Bench v${i}`)
    const body = JSON.stringify({ ref: 'refs/heads/main', after: sha })
    const t0 = performance.now()
    const res = await fetch(`${r.server.url}/webhook`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'push',
        'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
      },
      body,
    })
    if (res.status !== 202) throw new Error(`webhook answered ${res.status}`)
    while ((await latestCommit()) !== sha) await new Promise((resolve) => setTimeout(resolve, 5))
    latencies.push(performance.now() - t0)
  }
  await r.stop()
  await engine.close()
  console.log(`commit-to-deployed over ${COMMITS} webhook-triggered commits (push → engine runs it; fetch + compile + plan + apply):`)
  console.log(`  p50 ${ms(percentile(latencies, 50))}  p95 ${ms(percentile(latencies, 95))}  max ${ms(Math.max(...latencies))}`)
}

function definition(i, variant = 0) {
  const r = parseDefinition({
    apiVersion: 'ablauf/v1',
    id: `bench-${i}`,
    name: variant ? `Bench ${i} (changed)` : `Bench ${i}`,
    start: { on: 'manual', activity: 'start' },
    activities: [
      { id: 'start', name: 'Start', kind: 'user', dialogs: [{ id: 'form', title: 'Form', interface: ['agent'], fields: [{ field: 'Title', display: 'required' }, { field: 'Priority', display: 'optional' }] }] },
      ...(variant ? [{ id: 'review', name: 'Review', kind: 'wait' }] : []),
      { id: 'done', name: 'Done', kind: 'end' },
    ],
    transitions: [{ id: 'start-done', from: 'start', to: 'done', condition: { op: 'eq', field: 'Priority', value: '3 normal' }, actions: [{ type: 'setState', state: 'closed successful' }] }],
  })
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return r.value
}

async function planBench() {
  // The engine's default limits: one deployment takes up to 5,000 definitions in a body of up to 64 MB.
  const engine = await engineAt('plan')
  let requests = 0
  const counting = (input, init) => {
    requests++
    return fetch(input, init)
  }
  const client = deployer.createEngineClient({ baseUrl: engine.url, token: TOKEN, logger, fetch: counting })
  const deployed = Array.from({ length: PROCESSES }, (_, i) => definition(i))
  const t0 = performance.now()
  await client.deploy({ definitions: deployed, source: { commit: 'bench', ref: 'refs/heads/main', author: 'bench' } })
  const deployMs = performance.now() - t0
  // The desired set: every held process, a tenth of them changed (so their definitions are diffed).
  const desired = Array.from({ length: PROCESSES }, (_, i) => definition(i, i % 10 === 0 ? 1 : 0))
  const times = []
  let plan
  requests = 0
  for (let run = 0; run < PLAN_RUNS; run++) {
    const t1 = performance.now()
    plan = await deployer.planAgainstEngine(client, desired)
    times.push(performance.now() - t1)
  }
  const perPlan = requests / PLAN_RUNS
  const state = await deployer.readDeployedState(client, desired.map((d, i) => ({ definition: d, hash: plan.steps[i]?.hash ?? '' })))
  const t2 = performance.now()
  deployer.diffProcesses(desired, state.deployed, { running: state.running, basedOn: state.basedOn })
  const pure = performance.now() - t2
  await engine.close()
  console.log(`deploy of ${PROCESSES} definitions in one deployment: ${ms(deployMs)}`)
  console.log(`plan for ${PROCESSES} processes against an engine holding them (${plan.summary.update} changed), ${perPlan} requests per plan:`)
  console.log(`  p50 ${ms(percentile(times, 50))}  max ${ms(Math.max(...times))} over ${PLAN_RUNS} runs; the pure diff alone ${ms(pure)}`)
}

try {
  await latencyBench()
  await planBench()
} finally {
  rmSync(tmp, { recursive: true, force: true })
}
