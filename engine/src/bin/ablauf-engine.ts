#!/usr/bin/env node
import { isAblaufError } from '@ablauf/sdk/errors'
import { runEngineProcess } from '../engine-process.js'

try {
  process.exitCode = await runEngineProcess(process.argv.slice(2), process.env)
} catch (err) {
  if (isAblaufError(err)) process.stderr.write(`error ${err.code}: ${err.message}\n`)
  else process.stderr.write(`internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exitCode = 1
}
