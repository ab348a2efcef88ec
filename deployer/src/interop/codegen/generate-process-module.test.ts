import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { contentHash } from '@ablauf/sdk'
import { znunyFixtures } from '../fixtures/znuny-fixtures.js'
import { importZnunyYaml } from '../znuny/import-znuny.js'
import { evaluateProcessModule } from './evaluate-module.js'
import { generateProcessModule } from './generate-process-module.js'

/** The real sdk, from source (a temp folder cannot resolve the package name). */
const SDK = pathToFileURL(fileURLToPath(new URL('../../../../sdk/src/index.ts', import.meta.url))).href

describe.each(znunyFixtures())('generated module of $name', ({ text }) => {
  const { definition } = importZnunyYaml(text)
  const source = generateProcessModule(definition, { sdkImport: SDK })

  it('evaluates to the identical definition', async () => {
    const back = await evaluateProcessModule(source)
    expect(back).toEqual(definition)
    expect(contentHash(back)).toBe(contentHash(definition))
  })

  it('reads like a hand-written module: TODO comments, no defaults', () => {
    for (const t of definition.transitions) {
      if (t.description?.includes('TODO(znuny-import)')) expect(source).toContain('// TODO(znuny-import):')
    }
    expect(source).not.toContain('requiredLock: false')
    expect(source).not.toContain("interface: ['agent']")
  })
})
