import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { snapshotText } from '@ablauf/deployer'
import { loadConfig, startEngine } from '@ablauf/engine'
import { generateTargetTypes, targetSnapshotSchema, type TargetSnapshot } from '@ablauf/sdk/target'
import { pino } from 'pino'
import { describe, expect, it } from 'vitest'

const DEMO_CONFIG = new URL('../engine/config/demo.yaml', import.meta.url).pathname
const SNAPSHOT_FILE = new URL('./ablauf.target.json', import.meta.url).pathname
const TYPES_FILE = new URL('./ablauf-target.d.ts', import.meta.url).pathname
const TOKEN = 'processes-snapshot-token-0123456789'

/** What `GET /api/v1/schema` of a demo engine answers: exactly what `ablauf schema pull` would write. */
async function servedTarget(): Promise<TargetSnapshot> {
  const dir = mkdtempSync(join(tmpdir(), 'ablauf-processes-'))
  const { config } = await loadConfig(DEMO_CONFIG, {})
  const engine = await startEngine({
    config, db: join(dir, 'engine.db'), port: 0, adminToken: TOKEN, logger: pino({ level: 'silent' }), env: {}, startWorker: false,
  })
  try {
    const res = await fetch(`${engine.url}/api/v1/schema`, { headers: { authorization: `Bearer ${TOKEN}` } })
    expect(res.status).toBe(200)
    return targetSnapshotSchema.parse(await res.json())
  } finally {
    await engine.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('the committed target snapshot', () => {
  it('is what the demo engine serves (refresh with UPDATE_GOLDEN=1 after changing engine/config/demo.yaml)', async () => {
    const expected = snapshotText(await servedTarget())
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(SNAPSHOT_FILE, expected)
    expect(readFileSync(SNAPSHOT_FILE, 'utf8')).toBe(expected)
  })

  it('has generated types that match it', () => {
    const snapshot = targetSnapshotSchema.parse(JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')))
    const expected = generateTargetTypes(snapshot)
    if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(TYPES_FILE, expected)
    expect(readFileSync(TYPES_FILE, 'utf8')).toBe(expected)
  })
})
