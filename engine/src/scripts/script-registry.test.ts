import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { JsonValue } from '@ablauf/sdk'
import { builtInScripts } from './built-in/built-in-scripts.js'
import { createScriptRegistry } from './script-registry.js'
import { defineScript } from './script-types.js'
import { ticketFixture } from './test-support/ticket-fixture.js'

const now = new Date('2024-05-03T15:00:00Z')

// Deployed definitions reach the registry deep-frozen, one params object per activity.
const frozen = <T extends object>(value: T): T => {
  for (const inner of Object.values(value)) if (typeof inner === 'object' && inner !== null) frozen(inner)
  return Object.freeze(value)
}

describe('script registry', () => {
  it('runs a built-in script with the same deployed params many times, each run seeing the ticket of its own', () => {
    const scripts = createScriptRegistry(builtInScripts())
    const params = frozen({ source: 'Title', target: 'DynamicField_Category', rules: [{ value: 'hardware', keywords: ['laptop'] }], default: 'other' }) as Record<string, JsonValue>
    expect(scripts.run('classify-by-keywords', params, { ticket: ticketFixture({ Title: 'Laptop broken' }), now })).toEqual({ DynamicField_Category: 'hardware' })
    expect(scripts.run('classify-by-keywords', params, { ticket: ticketFixture({ Title: 'Question' }), now })).toEqual({ DynamicField_Category: 'other' })
    expect(scripts.run('classify-by-keywords', params, { ticket: ticketFixture({ Title: 'LAPTOP again' }), now })).toEqual({ DynamicField_Category: 'hardware' })
  })

  it('refuses invalid deployed params on every run, not only the first', () => {
    const scripts = createScriptRegistry(builtInScripts())
    const params = frozen({ from: 'Title' }) as Record<string, JsonValue>
    for (let i = 0; i < 2; i++) {
      expect(() => scripts.run('copy-field', params, { ticket: ticketFixture({}), now })).toThrow(expect.objectContaining({ code: 'SCRIPT_FAILED', message: expect.stringContaining('invalid params for script "copy-field"') }))
    }
  })

  it('gives a custom script freshly parsed params on every run, so what it changes in them does not leak into the next', () => {
    const seen: string[][] = []
    const collect = defineScript({
      name: 'collect-tags',
      description: 'Appends the title to its tag list (badly: it changes its params)',
      params: z.object({ tags: z.array(z.string()) }),
      run(params, ctx) {
        params.tags.push(ctx.ticket.Title)
        seen.push([...params.tags])
        return {}
      },
    })
    const scripts = createScriptRegistry([collect])
    const params = frozen({ tags: ['base'] }) as Record<string, JsonValue>
    scripts.run('collect-tags', params, { ticket: ticketFixture({ Title: 'one' }), now })
    scripts.run('collect-tags', params, { ticket: ticketFixture({ Title: 'two' }), now })
    expect(seen).toEqual([['base', 'one'], ['base', 'two']])
  })
})
