import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCli, runAblauf, spawnAblauf, waitForOutput, type CliRun } from '../commands/cli-test-support.js'
import { createProcessRepo, processModule, type ProcessRepo } from './testing/process-repo.js'

// The GitOps loop end to end, as an operator runs it: an `ablauf engine` process, a git repository,
// and `ablauf reconcile --once` after each commit.
const TOKEN = 'gitops-e2e-admin-token-0123456789'
const FILE = 'processes/intake.process.ts'

interface Instance {
  id: string
  ticketId: string
  version: string
  status: string
  activity: string | null
}

let dir: string
let repo: ProcessRepo
let engine: ChildProcess
let url: string

async function api<T>(method: string, p: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}${p}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const json = (await res.json()) as T
  if (!res.ok) throw new Error(`${method} ${p} → ${res.status}: ${JSON.stringify(json)}`)
  return json
}

function reconcileOnce(): Promise<CliRun> {
  return runAblauf(['reconcile', '--repo', repo.origin, '--branch', 'main', '--engine', url, '--once', '--cache', path.join(dir, 'cache')], {
    cwd: dir,
    env: { ABLAUF_TOKEN: TOKEN },
  })
}

async function versions(): Promise<string[]> {
  const { versions } = await api<{ versions: { hash: string }[] }>('GET', '/api/v1/processes/intake/versions')
  return versions.map((v) => v.hash)
}

async function instanceOf(ticketId: string): Promise<Instance> {
  const { instances } = await api<{ instances: Instance[] }>('GET', '/api/v1/instances?process=intake')
  const found = instances.find((i) => i.ticketId === ticketId)
  if (found === undefined) throw new Error(`ticket ${ticketId} runs no intake instance`)
  return found
}

async function activitiesEntered(ticketId: string): Promise<string[]> {
  const { history } = await api<{ history: { entry: { type: string; activity?: string } }[] }>('GET', `/api/v1/tickets/${ticketId}/history`)
  return history.filter((h) => h.entry.type === 'activity.entered').map((h) => h.entry.activity ?? '')
}

async function newTicket(title: string): Promise<string> {
  const { ticket } = await api<{ ticket: { id: string } }>('POST', '/api/v1/tickets', { Title: title, Queue: 'Service Desk' })
  return ticket.id
}

async function submitStart(ticketId: string): Promise<void> {
  const { tasks } = await api<{ tasks: { id: string; ticketId: string; activity: string }[] }>('GET', '/api/v1/tasks')
  const task = tasks.find((t) => t.ticketId === ticketId && t.activity === 'start')
  if (task === undefined) throw new Error(`ticket ${ticketId} has no open "start" task`)
  await api('POST', `/api/v1/tasks/${task.id}/submit`, { dialog: 'start', values: { Title: 'Checked' } })
}

beforeAll(async () => {
  buildCli()
  dir = mkdtempSync(path.join(tmpdir(), 'ablauf-gitops-e2e-'))
  repo = await createProcessRepo()
  engine = spawnAblauf(['engine', '--db', path.join(dir, 'engine.db'), '--port', '0'], { cwd: dir, env: { ABLAUF_TOKEN: TOKEN } })
  const ready = await waitForOutput(engine, /"url":"http:\/\/127\.0\.0\.1:\d+"[^\n]*"msg":"engine ready"/)
  url = /"url":"([^"]+)"/.exec(ready)?.[1] ?? ''
}, 240_000)

afterAll(async () => {
  const exited = new Promise((resolve) => engine.once('exit', resolve))
  engine.kill('SIGTERM')
  await exited
  repo.dispose()
  rmSync(dir, { recursive: true, force: true })
})

describe('GitOps end to end: ablauf engine + git + ablauf reconcile --once', () => {
  it('deploys each good commit, keeps running tickets on their version, and deploys nothing for a broken commit', async () => {
    const first = await repo.commit({ [FILE]: processModule('intake', 'Intake') }, 'intake process')
    const deployedFirst = await reconcileOnce()
    expect(deployedFirst.code).toBe(0)
    const { deployments } = await api<{ deployments: { source: { commit: string } }[] }>('GET', '/api/v1/deployments')
    expect(deployments[0]?.source.commit).toBe(first)
    const [v1] = await versions()
    const ticketA = await newTicket('Ticket on v1')
    expect(await instanceOf(ticketA)).toMatchObject({ version: v1, activity: 'start', status: 'running' })

    // A commit that changes the process: a new version; the running ticket stays on v1.
    await repo.commit({ [FILE]: processModule('intake', 'Intake', { review: true }) }, 'review before done')
    expect((await reconcileOnce()).code).toBe(0)
    const [, v2] = await versions()
    expect(v2).toBeDefined()
    const ticketB = await newTicket('Ticket on v2')
    expect(await instanceOf(ticketB)).toMatchObject({ version: v2, activity: 'start' })

    await submitStart(ticketA)
    await submitStart(ticketB)
    expect(await instanceOf(ticketA)).toMatchObject({ version: v1, status: 'completed', activity: 'done' })
    expect(await instanceOf(ticketB)).toMatchObject({ version: v2, status: 'completed', activity: 'done' })
    expect(await activitiesEntered(ticketA)).toEqual(['start', 'done'])
    expect(await activitiesEntered(ticketB)).toEqual(['start', 'review', 'done'])

    // A commit with a type error deploys nothing and says why, tsc-style.
    const deploymentsBefore = (await api<{ deployments: unknown[] }>('GET', '/api/v1/deployments')).deployments.length
    await repo.commit({ [FILE]: processModule('intake', 'Intake', { review: true, broken: true }) }, 'broken')
    const broken = await reconcileOnce()
    expect(broken.code).not.toBe(0)
    expect(`${broken.stdout}${broken.stderr}`).toMatch(/processes\/intake\.process\.ts:\d+:\d+ - error /)
    expect((await api<{ deployments: unknown[] }>('GET', '/api/v1/deployments')).deployments).toHaveLength(deploymentsBefore)
    expect(await versions()).toEqual([v1, v2])

    // The fixing commit deploys.
    await repo.commit({ [FILE]: processModule('intake', 'Intake (fixed)', { review: true }) }, 'fix')
    expect((await reconcileOnce()).code).toBe(0)
    expect(await versions()).toHaveLength(3)

    // A tsconfig that asks for Node's types still checks in the cache (outside any node_modules).
    const tsconfig = { compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2023', skipLibCheck: true, types: ['node'] } }
    await repo.commit({ 'processes/tsconfig.json': JSON.stringify(tsconfig), [FILE]: processModule('intake', 'Intake (typed)', { review: true }) }, 'tsconfig')
    const typed = await reconcileOnce()
    expect(typed.stderr).not.toContain("Cannot find type definition file for 'node'")
    expect(typed.code).toBe(0)
    expect(await versions()).toHaveLength(4)
  })
})
