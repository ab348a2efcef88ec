#!/usr/bin/env node
// `npm start`: build the workspace, then run `ablauf dev` (engine on SQLite + demo target + processes/).
import { spawnSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc')
const built = spawnSync(process.execPath, [tsc, '-b'], { cwd: root, stdio: 'inherit' })
if (built.status !== 0) {
  process.stderr.write('build failed: fix the errors above, then run npm start again\n')
  process.exit(built.status ?? 1)
}
const bin = join(root, 'deployer', 'dist', 'bin', 'ablauf.js')
if (!existsSync(bin)) {
  process.stdout.write('engine not built yet: the ablauf CLI is missing (deployer/dist/bin/ablauf.js)\n')
  process.exit(0)
}
const child = spawn(process.execPath, [bin, 'dev', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
