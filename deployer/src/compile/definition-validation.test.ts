import { contentHash, defineProcess } from '@ablauf/sdk'
import { describe, expect, it } from 'vitest'
import { CheckCache } from './check-cache.js'
import { validateDefinitions } from './definition-validation.js'

const raw = defineProcess('hash-check', { name: 'Hash check', start: { on: 'ticket.created' } })
  .user('review', { description: 'Review', dialogs: [{ title: 'Review', fields: { Article: 'optional' } }] })
  .end('done', { description: 'Done' })
  .transition('review', 'done', { description: 'Done' })
  .toDefinition()

describe('validateDefinitions', () => {
  it('hashes a valid definition as contentHash does, from the canonical JSON it returns', () => {
    const [check] = validateDefinitions([raw], undefined, new CheckCache())
    expect(check?.parsed.ok).toBe(true)
    if (!check?.parsed.ok) return
    expect(check.build?.hash).toBe(contentHash(check.parsed.value))
    expect(JSON.parse(check.build?.json ?? '')).toEqual(JSON.parse(JSON.stringify(check.parsed.value)))
  })

  it('answers from the cache what it checked before, and the cache answers it alone', () => {
    const cache = new CheckCache()
    const first = validateDefinitions([raw], undefined, cache)
    expect(cache.lookup([raw], undefined)).toEqual(first)
    expect(validateDefinitions([raw], undefined, cache)[0]?.build).toBe(first[0]?.build)
    expect(cache.lookup([{ ...raw }], undefined)).toBeUndefined()
  })
})
