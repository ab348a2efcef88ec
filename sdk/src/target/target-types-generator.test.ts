import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { typeCheck } from '../dsl/fixtures/typescript-harness.js'
import { targetSnapshotSchema } from './target-schema.js'
import { generateTargetTypes, TARGET_TYPES_HEADER } from './target-types-generator.js'

const demo = targetSnapshotSchema.parse(JSON.parse(readFileSync(new URL('../dsl/fixtures/demo-target.json', import.meta.url), 'utf8')))

describe('generateTargetTypes', () => {
  it('writes the committed register-demo.d.ts for the demo target', async () => {
    await expect(generateTargetTypes(demo)).toMatchFileSnapshot('../dsl/fixtures/register-demo.d.ts')
  })

  it('starts with the do-not-edit header', () => {
    expect(generateTargetTypes(demo).split('\n')[0]).toBe(TARGET_TYPES_HEADER)
  })

  it('does not depend on the order of the snapshot', () => {
    const shuffled = {
      ...demo,
      queues: [...demo.queues].reverse(),
      dynamicFields: [...demo.dynamicFields].reverse(),
      scripts: [...demo.scripts].reverse(),
      webServices: [...demo.webServices].reverse().map((w) => ({ ...w, invokers: [...w.invokers].reverse() })),
    }
    expect(generateTargetTypes(shuffled)).toBe(generateTargetTypes(demo))
  })

  it('compiles without diagnostics, also for an empty target and awkward names', () => {
    const empty = targetSnapshotSchema.parse({
      apiVersion: 'ablauf/target-v1',
      name: "it's\nodd",
      queues: [{ name: "O'Brien \\ \"Desk\"" }],
      states: [],
      priorities: [],
      types: [],
      users: [],
      roles: [],
      dynamicFields: [{ name: '1stLevel', type: 'Dropdown', values: [] }],
      scripts: [{ name: 'a.b', params: { 'x-y': { type: 'array', items: { type: 'object', properties: { z: { type: 'any' } } } } } }],
    })
    for (const snapshot of [demo, empty]) {
      const path = 'sdk/src/dsl/fixtures/generated-check.d.ts'
      const result = typeCheck(path, generateTargetTypes(snapshot))
      expect(result.diagnostics).toEqual([])
    }
  })
})
