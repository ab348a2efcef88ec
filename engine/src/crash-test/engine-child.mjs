// A minimal engine program for the crash test, over the built dist (`tsc -b` first):
//   node engine-child.mjs --db PATH --port 0 --config F [--lease-ms N]
// Prints one JSON line with "engine ready" and the url; SIGTERM shuts down gracefully. The admin token
// comes from ABLAUF_TOKEN. `--lease-ms` shortens the job lease so jobs of a killed engine run again soon.
import { parseArgs } from 'node:util'
import { pino } from 'pino'
import { loadConfig, startEngine, REDACT_PATHS } from '../../dist/index.js'

const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    port: { type: 'string', default: '0' },
    config: { type: 'string' },
    'lease-ms': { type: 'string' },
  },
})
if (values.db === undefined || values.config === undefined) {
  process.stderr.write('usage: engine-child.mjs --db PATH --config F [--port N] [--lease-ms N]\n')
  process.exit(2)
}
const { config } = await loadConfig(values.config, process.env)
const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn', redact: REDACT_PATHS })
const engine = await startEngine({
  config,
  db: values.db,
  port: Number(values.port),
  logger,
  pollMs: 200,
  ...(values['lease-ms'] === undefined ? {} : { leaseMs: Number(values['lease-ms']) }),
})
process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, url: engine.url, msg: 'engine ready' })}\n`)
process.once('SIGTERM', () => {
  engine.close().then(
    () => process.exit(0),
    (err) => {
      logger.error({ err }, 'shutdown failed')
      process.exit(1)
    },
  )
})
