import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { builtInScripts } from './built-in/built-in-scripts.js'
import { loadCustomScripts } from './custom-script-loader.js'
import { createScriptRegistry } from './script-registry.js'
import { ticketFixture } from './test-support/ticket-fixture.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ablauf-scripts-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const now = new Date('2024-05-03T15:00:00Z')
const zodUrl = import.meta.resolve('zod')

describe('custom scripts', () => {
  it('loads a factory module and a module with its own zod import, and runs them', async () => {
    await writeFile(
      join(dir, 'assign-region.mjs'),
      `export default ({ z }) => ({
        name: 'assign-region', description: 'Region from the customer id',
        params: z.object({ field: z.string() }),
        run: (p, { ticket }) => ({ [p.field]: ticket.CustomerID.slice(0, 2) }),
      })`,
    )
    await writeFile(
      join(dir, 'stamp.js'),
      `import { z } from ${JSON.stringify(zodUrl)}
      export default { name: 'stamp', description: 'Stamps the time', params: z.object({ prefix: z.string().default('at ') }),
        run: (p, { now }) => ({ DynamicField_Stamp: p.prefix + now.toISOString() }) }`,
    )
    await writeFile(join(dir, 'README.txt'), 'not a script')
    const registry = createScriptRegistry([...builtInScripts(), ...(await loadCustomScripts(dir))])
    expect(registry.run('assign-region', { field: 'DynamicField_Region' }, { ticket: ticketFixture(), now })).toEqual({ DynamicField_Region: 'AC' })
    expect(registry.run('stamp', {}, { ticket: ticketFixture(), now })).toEqual({ DynamicField_Stamp: 'at 2024-05-03T15:00:00.000Z' })
    expect(registry.describe().find((s) => s.name === 'stamp')?.params).toEqual({ prefix: { type: 'string', required: false } })
  })

  it('gives a factory module the parameter kinds a deployment checks: field, value of a field, template', async () => {
    await writeFile(
      join(dir, 'set-region.mjs'),
      `export default ({ z, fieldParam, fieldValueParam, templateParam }) => ({
        name: 'set-region', description: 'Sets a region and a note',
        params: z.object({ field: fieldParam('the field set'), region: fieldValueParam(['field']), note: templateParam().optional() }),
        run: (p) => ({ [p.field]: p.region }),
      })`,
    )
    const registry = createScriptRegistry(await loadCustomScripts(dir))
    expect(registry.describe()[0]?.params).toEqual({
      field: { type: 'field', description: 'the field set', required: true },
      region: { type: 'any', fieldFrom: ['field'], required: true },
      note: { type: 'string', format: 'template', required: false },
    })
    expect(registry.run('set-region', { field: 'DynamicField_Region', region: 'EU' }, { ticket: ticketFixture(), now })).toEqual({ DynamicField_Region: 'EU' })
  })

  it('names the file of a module without a valid script export', async () => {
    await writeFile(join(dir, 'broken.mjs'), `export default { name: 'broken', description: 'x', params: {}, run: 1 }`)
    await expect(loadCustomScripts(dir)).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringMatching(/broken\.mjs must export default .*params must be a zod schema[\s\S]*run must be a function/),
    })
  })

  it('names the file of a module that does not load', async () => {
    await writeFile(join(dir, 'syntax.mjs'), 'export default {')
    await expect(loadCustomScripts(dir)).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringContaining('syntax.mjs cannot be loaded') })
  })

  it('rejects a custom script that shadows a built-in', async () => {
    await writeFile(join(dir, 'copy.mjs'), `export default ({ z }) => ({ name: 'copy-field', description: 'mine', params: z.object({}), run: () => ({}) })`)
    const custom = await loadCustomScripts(dir)
    expect(() => createScriptRegistry([...builtInScripts(), ...custom])).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }))
  })

  it('turns a throwing or misbehaving script into SCRIPT_FAILED', async () => {
    await writeFile(join(dir, 'bad.mjs'), `export default ({ z }) => ({ name: 'bad', description: 'x', params: z.object({ mode: z.string() }),
      run: (p) => { if (p.mode === 'throw') throw new Error('boom'); return { NotAField: 1 } } })`)
    const registry = createScriptRegistry(await loadCustomScripts(dir))
    const ctx = { ticket: ticketFixture(), now }
    expect(() => registry.run('bad', { mode: 'throw' }, ctx)).toThrow(expect.objectContaining({ code: 'SCRIPT_FAILED', message: 'script "bad" failed: boom' }))
    expect(() => registry.run('bad', { mode: 'x' }, ctx)).toThrow(expect.objectContaining({ code: 'SCRIPT_FAILED', message: expect.stringContaining('invalid field updates') }))
    expect(() => registry.run('missing', {}, ctx)).toThrow(expect.objectContaining({ code: 'SCRIPT_FAILED' }))
  })
})
