import { readFileSync, writeFileSync } from 'node:fs'
import { snapshotText } from '@ablauf/deployer'
import { generateTargetTypes, targetSnapshotSchema } from '@ablauf/sdk/target'
import { describe, expect, it } from 'vitest'
import { startDemoEngine } from './test-support/demo-engine.js'

const SNAPSHOT_FILE = new URL('./ablauf.target.json', import.meta.url).pathname
const TYPES_FILE = new URL('./ablauf-target.d.ts', import.meta.url).pathname
const UPDATE = process.env['UPDATE_GOLDEN'] === '1'

describe('the committed target snapshot', () => {
  it('is what the demo engine serves at /api/v1/schema (refresh with UPDATE_GOLDEN=1 after changing engine/config/demo.yaml)', async () => {
    const demo = await startDemoEngine()
    try {
      const res = await demo.call('GET', '/api/v1/schema')
      expect(res.status).toBe(200)
      // The text `ablauf schema pull` writes, so a later pull from the running demo engine changes nothing.
      const expected = snapshotText(targetSnapshotSchema.parse(res.body))
      if (UPDATE) writeFileSync(SNAPSHOT_FILE, expected)
      expect(readFileSync(SNAPSHOT_FILE, 'utf8')).toBe(expected)
    } finally {
      await demo.close()
    }
  })

  it('has generated types that match it', () => {
    const snapshot = targetSnapshotSchema.parse(JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')))
    const expected = generateTargetTypes(snapshot)
    if (UPDATE) writeFileSync(TYPES_FILE, expected)
    expect(readFileSync(TYPES_FILE, 'utf8')).toBe(expected)
  })
})
