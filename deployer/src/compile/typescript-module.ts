import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { createRequire, Module } from 'node:module'
import path from 'node:path'
import vm from 'node:vm'
import type TypeScript from 'typescript'

const require = createRequire(import.meta.url)

/**
 * The TypeScript compiler API, loaded as CommonJS: importing this 9 MB module from ESM makes Node
 * scan all of its text for export names first (about 200 ms of every cold `ablauf compile`).
 */
export const ts = loadTypeScript()

/**
 * Compiling typescript.js costs V8 about 110 ms of every cold run, and the checker's functions are
 * compiled lazily on top. So the module is compiled with a V8 code cache that the previous run left
 * in `node_modules/.cache/ablauf` (what Node ≥ 22's `module.enableCompileCache()` does, which tsc
 * itself turns on where it exists). V8 refuses a cache that does not fit the source or the flags;
 * then, and when there is none, this run writes one when it exits. `NODE_DISABLE_COMPILE_CACHE=1`
 * turns it off, as it does Node's.
 */
function loadTypeScript(): typeof TypeScript {
  const file = require.resolve('typescript')
  const loaded = require.cache[file]
  if (loaded) return loaded.exports as typeof TypeScript
  if (process.env['NODE_DISABLE_COMPILE_CACHE']) return require(file) as typeof TypeScript
  const { size, mtimeMs } = statSync(file)
  const cacheFile = path.join(file, '../../../.cache/ablauf', `typescript-${size}-${Math.trunc(mtimeMs)}-${process.version}-${process.arch}.v8`)
  const cachedData = readOptional(cacheFile)
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`
  const script = new vm.Script(wrapper, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  })
  const mod = new Module(file)
  mod.filename = file
  ;(script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file))
  mod.loaded = true
  // Whoever else requires typescript gets this instance.
  require.cache[file] = mod
  if (!cachedData || script.cachedDataRejected === true) process.once('exit', () => writeCache(cacheFile, script))
  return mod.exports as typeof TypeScript
}

function readOptional(file: string): Buffer | undefined {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}

function writeCache(file: string, script: vm.Script): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true })
    const partial = `${file}.${process.pid}`
    writeFileSync(partial, script.createCachedData())
    renameSync(partial, file)
  } catch {
    // A read-only node_modules only costs the next run its compile time.
  }
}
