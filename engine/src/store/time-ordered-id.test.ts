import { describe, expect, it } from 'vitest'
import { timeOrderedId } from './time-ordered-id.js'

describe('timeOrderedId', () => {
  it('makes distinct UUIDs of version 7 that sort by their time', () => {
    const ids = [timeOrderedId(1_700_000_000_000), timeOrderedId(1_700_000_000_001), timeOrderedId(1_800_000_000_000)]
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect([...ids].sort()).toEqual(ids)
    expect(ids[0]?.startsWith('018bcfe5-6800-7')).toBe(true)
    const many = new Set(Array.from({ length: 10_000 }, () => timeOrderedId(1_700_000_000_000)))
    expect(many.size).toBe(10_000)
  })
})
