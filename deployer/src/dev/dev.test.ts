import { execFile, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { simpleGit } from 'simple-git'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildCli, REPO_ROOT, runAblauf, spawnAblauf } from '../commands/cli-test-support.js'
import { processModule } from '../reconcile/testing/process-repo.js'

const run = promisify(execFile)

/** A running `ablauf dev` with everything it printed so far. */
interface DevRun {
  child: ChildProcess
  stdout(): string
  stderr(): string
  /** Resolves with the first match of `pattern` in stdout (or stderr with `from: 'stderr'`), counting from the start. */
  waitFor(pattern: RegExp, from?: 'stdout' | 'stderr'): Promise<RegExpMatchArray>
  /** Sends SIGINT and resolves with the exit code. */
  interrupt(): Promise<number | null>
}

function startDev(args: readonly string[], cwd: string): DevRun {
  const child = spawnAblauf(['dev', ...args], { cwd, env: { ABLAUF_LOG_LEVEL: 'warn' } })
  const seen = { stdout: '', stderr: '' }
  const waiters = new Set<() => void>()
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  let done = false
  void exited.then(() => {
    done = true
    for (const w of waiters) w()
  })
  child.stdout?.on('data', (d: Buffer) => {
    seen.stdout += d.toString()
    for (const w of waiters) w()
  })
  child.stderr?.on('data', (d: Buffer) => {
    seen.stderr += d.toString()
    for (const w of waiters) w()
  })
  return {
    child,
    stdout: () => seen.stdout,
    stderr: () => seen.stderr,
    waitFor: (pattern, from = 'stdout') =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const m = seen[from].match(pattern)
          if (m) {
            waiters.delete(check)
            resolve(m)
          } else if (done) {
            waiters.delete(check)
            reject(new Error(`ablauf dev exited before printing ${pattern}\nstdout:\n${seen.stdout}\nstderr:\n${seen.stderr}`))
          }
        }
        waiters.add(check)
        check()
      }),
    interrupt: () => {
      child.kill('SIGINT')
      return exited
    },
  }
}

/** Engine URL and token from the ready banner. */
function banner(out: string): { url: string; token: string } {
  const url = out.match(/^engine:\s+(\S+)$/m)?.[1]
  const token = out.match(/^token:\s+(\S+)/m)?.[1]
  if (url === undefined || token === undefined) throw new Error(`no engine URL or token in:\n${out}`)
  return { url, token }
}

async function api<T>(url: string, token: string, p: string): Promise<T> {
  const res = await fetch(`${url}${p}`, { headers: { authorization: `Bearer ${token}` } })
  expect(res.status, `GET ${p}`).toBe(200)
  return (await res.json()) as T
}

interface TaskList {
  tasks: { ticketId: string; processId: string; activity: string }[]
}
interface VersionList {
  versions: { version: number; sourceCommit: string }[]
}

let tmp: string
let dev: DevRun | undefined
beforeAll(buildCli)
beforeEach(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'ablauf-dev-'))
})
afterEach(async () => {
  if (dev && dev.child.exitCode === null && dev.child.signalCode === null) await dev.interrupt()
  dev = undefined
  rmSync(tmp, { recursive: true, force: true })
})

describe('ablauf dev', () => {
  it('deploys processes/, and the printed curl line runs the seed process to its user task; Ctrl-C stops it with exit 0', async () => {
    dev = startDev(['--port', '0', '--db', path.join(tmp, 'dev.db'), '--dir', 'processes'], REPO_ROOT)
    await dev.waitFor(/^ready$/m)
    const out = dev.stdout()
    expect(out).toMatch(/^deployed \S+ from \S+ \(start\): \d+ to create/m)
    const { url, token } = banner(out)
    expect(out).toContain(`page:      ${url}/`)
    const curl = out.match(/^\s+(curl -sS -X POST .*\/api\/v1\/tickets.*)$/m)?.[1]
    expect(curl).toBeDefined()

    const created = JSON.parse((await run('sh', ['-c', curl ?? 'false'])).stdout) as { ticket: { id: string; Queue: string } }
    expect(created.ticket.Queue).toBe('Service Desk')

    let tasks: TaskList['tasks'] = []
    while (tasks.length === 0) {
      tasks = (await api<TaskList>(url, token, `/api/v1/tasks?ticket=${encodeURIComponent(created.ticket.id)}`)).tasks
      if (tasks.length === 0) await new Promise((resolve) => setTimeout(resolve, 200))
    }
    expect(tasks).toMatchObject([{ ticketId: created.ticket.id, processId: 'incident-triage', activity: 'confirm' }])

    expect(await dev.interrupt()).toBe(0)
    expect(dev.stdout()).toMatch(/^stopped$/m)
  })

  it('redeploys a saved process file as a new version, keeps the last good one on a compile error, and notices commits', async () => {
    const repo = path.join(tmp, 'repo')
    mkdirSync(repo)
    symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(repo, 'node_modules'))
    const git = simpleGit({ baseDir: repo })
    await git.init(['-b', 'main'])
    await git.addConfig('user.name', 'Ada').addConfig('user.email', 'ada@example.org').addConfig('commit.gpgsign', 'false')
    writeFileSync(path.join(repo, '.git', 'info', 'exclude'), 'node_modules/\n')
    const file = path.join(repo, 'intake.process.ts')
    writeFileSync(file, processModule('intake', 'Intake'))
    await git.add('.').commit('intake')
    const first = (await git.revparse(['HEAD'])).trim()

    dev = startDev(['--port', '0', '--db', path.join(tmp, 'dev.db'), '--dir', '.'], repo)
    await dev.waitFor(/^ready$/m)
    const { url, token } = banner(dev.stdout())
    const versions = async (): Promise<VersionList['versions']> => (await api<VersionList>(url, token, '/api/v1/processes/intake/versions')).versions
    expect(await versions()).toMatchObject([{ version: 1, sourceCommit: first }])

    writeFileSync(file, processModule('intake', 'Intake', { review: true }))
    await dev.waitFor(/^deployed \S+ from \S+-dirty \(saved intake\.process\.ts\): 0 to create, 1 to update/m)
    expect((await versions()).map((v) => [v.version, v.sourceCommit]).sort()).toEqual([
      [1, first],
      [2, `${first}-dirty`],
    ])

    writeFileSync(file, processModule('intake', 'Intake', { broken: true }))
    await dev.waitFor(/^not deployed \(saved intake\.process\.ts\): fix the compile errors above/m, 'stderr')
    expect(dev.stderr()).toMatch(/^intake\.process\.ts:\d+:\d+ - error TS\d+: /m)
    expect(await versions()).toHaveLength(2)

    writeFileSync(file, processModule('intake', 'Intake', { review: true }))
    await git.add('.').commit('review first')
    const second = (await git.revparse(['HEAD'])).trim()
    await dev.waitFor(new RegExp(`^nothing to deploy \\(new commit ${second.slice(0, 12)}\\)`, 'm'))
    expect(await versions()).toHaveLength(2)

    expect(await dev.interrupt()).toBe(0)
  })

  it('says which port is busy and how to pick another', async () => {
    const busy: Server = createServer()
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve))
    const address = busy.address()
    const port = typeof address === 'object' && address !== null ? address.port : 0
    try {
      const r = await runAblauf(['dev', '--port', String(port), '--db', path.join(tmp, 'dev.db')], { cwd: REPO_ROOT })
      expect(r.code).toBe(1)
      expect(r.stderr).toContain(`error CONFIG_INVALID: port ${port} is already in use`)
      expect(r.stderr).toContain('--port N or PORT=N')
    } finally {
      await new Promise<void>((resolve) => busy.close(() => resolve()))
    }
  })
})
