import { describe, expect, test } from 'vitest'
import { editDistance, suggest, unknownMessage } from './suggest.js'

describe('editDistance', () => {
  test.each([
    ['', '', 0],
    ['abc', '', 3],
    ['Servce Desk', 'Service Desk', 1],
    ['Tilte', 'Title', 1],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3],
  ])('%s → %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d)
    expect(editDistance(b, a)).toBe(d)
  })
})

describe('suggest', () => {
  const queues = ['Raw', 'Service Desk', 'Hardware']

  test('a typo finds the closest name', () => {
    expect(suggest('Servce Desk', queues)).toBe('Service Desk')
    expect(suggest('Hradware', queues)).toBe('Hardware')
  })

  test('a different case finds the name even when it is far in edits', () => {
    expect(suggest('SERVICE DESK', queues)).toBe('Service Desk')
  })

  test('nothing close, nothing suggested', () => {
    expect(suggest('Finance', queues)).toBeUndefined()
    expect(suggest('fr', ['de', 'en'])).toBeUndefined()
    expect(suggest('x', [])).toBeUndefined()
  })

  test('long names allow more edits (length / 3)', () => {
    expect(suggest('classify-keywords', ['classify-by-keywords'])).toBe('classify-by-keywords')
  })
})

describe('unknownMessage', () => {
  test('says what was found and what was probably meant', () => {
    expect(unknownMessage('queue', 'Servce Desk', ['Raw', 'Service Desk'])).toBe('unknown queue "Servce Desk" — did you mean "Service Desk"?')
  })

  test('lists a few known names when nothing is close', () => {
    const many = Array.from({ length: 10 }, (_, i) => `q${i}`)
    expect(unknownMessage('queue', 'Finance', many)).toBe('unknown queue "Finance"; known: "q0", "q1", "q2", "q3", "q4", "q5", "q6", "q7", … (10 in all)')
  })

  test('says so when the target has none', () => {
    expect(unknownMessage('SLA', 'Gold', [])).toBe('unknown SLA "Gold"; the target has none — add it there or remove the reference')
  })
})
