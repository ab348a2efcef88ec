#!/usr/bin/env node
import { runCli } from '../cli.js'

const controller = new AbortController()
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort())

const code = await runCli(process.argv, {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  fetch: globalThis.fetch,
  signal: controller.signal,
})
process.exitCode = code
