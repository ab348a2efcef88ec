// `npm run bench -- <name>…` runs bench/<name>-bench.mjs (or .ts via node's type stripping is not
// assumed: build first). Without a name it lists what exists.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = fileURLToPath(new URL('../bench/', import.meta.url))
const available = existsSync(dir) ? readdirSync(dir).filter((f) => /-bench\.mjs$/.test(f)).map((f) => f.replace(/-bench\.mjs$/, '')) : []
const names = process.argv.slice(2).filter((a) => !a.startsWith('-'))
if (names.length === 0) {
  console.log(`usage: npm run bench -- <${available.join('|')}>`)
  process.exit(available.length === 0 ? 1 : 0)
}
for (const name of names) {
  const file = path.join(dir, `${name}-bench.mjs`)
  if (!existsSync(file)) {
    console.error(`no benchmark "${name}"; available: ${available.join(', ')}`)
    process.exit(1)
  }
  const r = spawnSync(process.execPath, [file], { stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
