import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

/**
 * The engine program: the crash test's own entry over the built dist (`startEngine` with a short job
 * lease, which the engine bin has no flag for).
 */
const CHILD = fileURLToPath(new URL('./engine-child.mjs', import.meta.url))
const DIST = fileURLToPath(new URL('../../dist/index.js', import.meta.url))

/** An engine running as a child process on 127.0.0.1. */
export interface EngineProcess {
  url: string
  child: ChildProcess
  /** stderr and non-JSON stdout, for failure messages. */
  output(): string
  /** SIGKILL: no shutdown code runs. Resolves once the process is gone. */
  kill(): Promise<void>
  /** SIGTERM and wait for a graceful exit; resolves with the exit code. */
  stop(): Promise<number | null>
}

/** Options of {@link startEngineProcess}. */
export interface EngineProcessOptions {
  db: string
  config: string
  adminToken: string
  /** Job lease (ms): short, so that jobs of a killed engine are leased again within the test. */
  leaseMs: number
  readyTimeoutMs?: number
}

/** The entry script; throws when the dist is not built. */
function engineEntry(): string {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run \`npx tsc -b\` first`)
  return CHILD
}

/** Spawns the engine on a free port and waits for its "engine ready" line. */
export async function startEngineProcess(options: EngineProcessOptions): Promise<EngineProcess> {
  const args = [engineEntry(), '--db', options.db, '--port', '0', '--config', options.config, '--lease-ms', String(options.leaseMs)]
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ABLAUF_TOKEN: options.adminToken, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  let log = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString('utf8')
  })
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`engine not ready within ${options.readyTimeoutMs ?? 15_000} ms:\n${log}`)), options.readyTimeoutMs ?? 15_000)
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => {
      const parsed = parseLine(line)
      if (parsed?.msg === 'engine ready' && typeof parsed.url === 'string') {
        clearTimeout(timer)
        resolve(parsed.url)
      } else {
        log += `${line}\n`
      }
    })
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`engine exited with ${code} before it was ready:\n${log}`))
    })
  })
  return {
    url,
    child,
    output: () => log,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      return exited
    },
  }
}

function parseLine(line: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(line)
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}
