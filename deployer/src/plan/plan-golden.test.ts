import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { contentHash, parseDefinition, type ProcessDefinition } from '@ablauf/sdk/definition'
import { describe, expect, test } from 'vitest'
import { renderMermaid } from '../diagram/index.js'
import { instanceSchema } from '../engine-client/engine-schemas.js'
import { groupRunning } from './deployed-state.js'
import { diffProcesses } from './diff-processes.js'
import type { DeployedProcess, Plan, RunningInstances } from './plan-types.js'
import { renderPlanJson } from './render-json.js'
import { renderPlanMarkdown } from './render-markdown.js'
import { renderPlanText } from './render-text.js'

// Golden plans: fixtures/<case>/{desired,deployed,running}.json in, expected.txt and expected.md out.
// Refresh the expected files with UPDATE_GOLDEN=1 after an intended change, and review the diff.
const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures')
const UPDATE = process.env['UPDATE_GOLDEN'] === '1'

function definition(input: unknown): ProcessDefinition {
  const r = parseDefinition(input)
  if (!r.ok) throw new Error(`fixture is not a valid definition: ${JSON.stringify(r.issues)}`)
  return r.value
}

function readJson(file: string): unknown {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown) : []
}

function planOf(dir: string): Plan {
  const desired = (readJson(path.join(dir, 'desired.json')) as unknown[]).map(definition)
  const deployedRaw = readJson(path.join(dir, 'deployed.json')) as { state: 'active'; version: number; definition: unknown }[]
  const deployed: DeployedProcess[] = deployedRaw.map((d) => {
    const def = definition(d.definition)
    return { id: def.id, state: d.state, version: d.version, hash: contentHash(def), definition: def }
  })
  const instances = (readJson(path.join(dir, 'running.json')) as unknown[]).map((i) => instanceSchema.parse(i))
  const running = new Map<string, RunningInstances>()
  for (const id of new Set(instances.map((i) => i.processId))) {
    running.set(id, groupRunning(instances.filter((i) => i.processId === id)))
  }
  return diffProcesses(desired, deployed, { running, basedOn: 'dep-1' })
}

function golden(file: string, actual: string): void {
  if (UPDATE || !existsSync(file)) {
    writeFileSync(file, actual)
    if (!UPDATE) throw new Error(`wrote missing golden file ${file}; review it and run again`)
  }
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

const CASES = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort()

describe('plan golden files', () => {
  test('covers create, update, unchanged and fade-away', () => {
    expect(CASES).toEqual(expect.arrayContaining(['create', 'unchanged', 'fade-away', 'update-activities', 'update-transitions', 'update-dialogs', 'update-actions']))
  })

  test.each(CASES)('%s', (name) => {
    const dir = path.join(FIXTURES, name)
    const plan = planOf(dir)
    golden(path.join(dir, 'expected.txt'), renderPlanText(plan))
    golden(path.join(dir, 'expected.md'), renderPlanMarkdown(plan, { diagram: renderMermaid }))
    expect(JSON.parse(renderPlanJson(plan))).toEqual(JSON.parse(JSON.stringify(plan)))
  })
})
