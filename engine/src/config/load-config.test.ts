import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { targetSnapshotSchema } from '@ablauf/sdk/target'
import { loadConfig, parseConfig } from './load-config.js'
import { targetSnapshotFromConfig } from './target-from-config.js'

const DEMO = new URL('../../config/demo.yaml', import.meta.url).pathname

describe('loadConfig', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ablauf-config-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('loads the demo config and builds a valid target snapshot', async () => {
    const { config, env } = await loadConfig(DEMO, { LOG_LEVEL: 'debug' })
    expect(env.LOG_LEVEL).toBe('debug')
    expect(config.server.port).toBe(8080)
    const snap = targetSnapshotFromConfig(config, [
      { name: 'copy-field', description: 'Copies', params: { from: { type: 'field', required: true } } },
    ])
    expect(targetSnapshotSchema.parse(snap)).toEqual(snap)
    expect(snap.queues.map((q) => q.name)).toContain('Change Management')
    expect(snap.priorities.map((p) => p.name)).toEqual(['1 very low', '2 low', '3 normal', '4 high', '5 very high'])
    expect(snap.webServices.find((w) => w.name === 'ERP')?.invokers[0]).toMatchObject({ name: 'WarrantyLookup', input: { serial: { type: 'string' } } })
    expect(snap.dynamicFields.find((f) => f.name === 'Warranty')?.values).toEqual(['valid', 'expired', 'unknown'])
    expect(snap.scripts).toEqual([{ name: 'copy-field', description: 'Copies', params: { from: { type: 'field', required: true } } }])
    expect(JSON.stringify(snap)).not.toContain('ERP_TOKEN')
  })

  it('names the path of a wrong value', () => {
    const text = `
target: { queues: [Q], states: [], priorities: [], types: [], users: [], roles: [], dynamicFields: [] }
webServices:
  ERP:
    baseUrl: https://erp.example.com
    invokers:
      WarrantyLookup: { method: FETCH, path: /warranty }
`
    expect(() => parseConfig(text)).toThrow(/config\.yaml: webServices\.ERP\.invokers\.WarrantyLookup\.method: expected one of GET, POST/)
  })

  it('rejects unknown keys, plain-text tokens, dangling references and bad YAML', () => {
    const base = 'target: { queues: [Q], states: [], priorities: [], types: [], users: [], roles: [], dynamicFields: [] }\n'
    expect(() => parseConfig(`${base}colour: blue\n`)).toThrow(/Unrecognized key.*colour/)
    expect(() => parseConfig(`${base}tokens: [{ name: x, scopes: [admin], token: secret }]\n`)).toThrow(/tokens\.0/)
    expect(() =>
      parseConfig('target: { queues: [Q], states: [], priorities: [], types: [], users: [{ login: a, roles: [boss] }], roles: [], dynamicFields: [] }'),
    ).toThrow(/target\.users\.0\.roles\.0: unknown role "boss"/)
    expect(() => parseConfig('target: [')).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }))
  })

  it('reports a missing file and bad env as CONFIG_INVALID, and resolves scriptsDir next to the file', async () => {
    await expect(loadConfig(join(dir, 'nope.yaml'), {})).rejects.toMatchObject({ code: 'CONFIG_INVALID' })
    const file = join(dir, 'engine.yaml')
    writeFileSync(file, 'scriptsDir: ./my-scripts\ntarget: { queues: [Q], states: [], priorities: [], types: [], users: [], roles: [], dynamicFields: [] }\n')
    await expect(loadConfig(file, { PORT: 'eighty' })).rejects.toThrow(/env PORT/)
    await expect(loadConfig(file, { ABLAUF_TOKEN: 'short' })).rejects.toThrow(/ABLAUF_TOKEN must have at least 16/)
    expect((await loadConfig(file, { PORT: '0' })).config.scriptsDir).toBe(join(dir, 'my-scripts'))
  })
})
