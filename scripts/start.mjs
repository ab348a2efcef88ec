#!/usr/bin/env node
// `npm start`: build the workspace, then run `ablauf dev` (engine on SQLite + demo target + processes/).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
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
// Run the CLI in this process rather than as a child: Ctrl-C reaches every process of the terminal's
// foreground group, so a forwarding parent would deliver SIGINT twice and cut the graceful shutdown short.
process.chdir(root)
process.argv = [process.argv[0] ?? process.execPath, bin, 'dev', ...process.argv.slice(2)]
await import(pathToFileURL(bin).href)
