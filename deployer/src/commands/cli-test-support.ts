import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root and the built CLI that tests spawn. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))
export const CLI = path.join(REPO_ROOT, 'deployer/dist/bin/ablauf.js')

/** Builds the workspace once (under the shared lock), so the spawned CLI runs the current sources. */
export function buildCli(): void {
  try {
    execFileSync('flock', ['/tmp/ablauf-tsc.lock', 'npx', 'tsc', '-b'], { cwd: REPO_ROOT, stdio: 'pipe' })
  } catch {
    // Type errors elsewhere in the workspace do not stop tsc -b from emitting the CLI.
  }
  if (!existsSync(CLI)) throw new Error(`${CLI} was not built`)
}

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `ablauf …args` to completion. */
export function runAblauf(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawnAblauf(args, options)
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

/** Starts `ablauf …args` (for long-running commands such as `compile --watch`). */
export function spawnAblauf(args: readonly string[], options: { cwd: string; env?: Record<string, string> }): ChildProcess {
  const { ABLAUF_ENGINE_URL: _url, ABLAUF_TOKEN: _token, ...inherited } = process.env
  const env = { ...inherited, ...options.env }
  return spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Resolves once the child's stdout has printed a line matching `pattern` (counting from now). */
export function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = ''
    const onData = (d: Buffer): void => {
      seen += d.toString()
      const m = seen.match(pattern)
      if (m) {
        child.stdout?.off('data', onData)
        resolve(m[0])
      }
    }
    child.stdout?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`exited with ${code} before printing ${pattern}; saw: ${seen}`)))
  })
}
