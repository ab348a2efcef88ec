import { describe, expect, test } from 'vitest'
import { isAblaufError } from '../errors.js'
import { canonicalJson } from './canonical-json.js'

function thrown(fn: () => unknown): unknown {
  try {
    fn()
  } catch (err) {
    return err
  }
  throw new Error('expected a throw')
}

describe('canonicalJson', () => {
  test('sorts keys recursively, so key order does not change the text', () => {
    const a = { b: 1, a: { y: [1, { d: 1, c: 2 }], x: 'x' } }
    const b = { a: { x: 'x', y: [1, { c: 2, d: 1 }] }, b: 1 }
    expect(canonicalJson(a)).toBe('{"a":{"x":"x","y":[1,{"c":2,"d":1}]},"b":1}')
    expect(canonicalJson(b)).toBe(canonicalJson(a))
  })

  test('keeps array order and writes no whitespace', () => {
    expect(canonicalJson([3, 1, 2, 'a b'])).toBe('[3,1,2,"a b"]')
  })

  test('drops keys whose value is undefined', () => {
    expect(canonicalJson({ a: undefined, b: null, c: { d: undefined } })).toBe('{"b":null,"c":{}}')
  })

  test('writes scalars as JSON does', () => {
    expect(canonicalJson('say "hi"\n')).toBe('"say \\"hi\\"\\n"')
    expect(canonicalJson(-0)).toBe('0')
    expect(canonicalJson(1.5e300)).toBe('1.5e+300')
    expect(canonicalJson(false)).toBe('false')
    expect(canonicalJson({ 'ü': 1, z: 2, A: 3 })).toBe('{"A":3,"z":2,"ü":1}')
  })

  test('a shared (not cyclic) object is written twice', () => {
    const shared = { k: 1 }
    expect(canonicalJson({ a: shared, b: [shared] })).toBe('{"a":{"k":1},"b":[{"k":1}]}')
  })

  test.each([
    ['a function', { activities: [{ params: { run: () => 1 } }] }, ['activities', 0, 'params', 'run'], /not JSON: a function/],
    ['NaN', { a: NaN }, ['a'], /NaN/],
    ['Infinity', { a: [1, Infinity] }, ['a', 1], /Infinity/],
    ['a bigint', { n: 10n }, ['n'], /bigint/],
    ['a symbol', { s: Symbol('x') }, ['s'], /symbol/],
    ['undefined in an array', { a: [undefined] }, ['a', 0], /undefined/],
    ['a Date', { when: new Date(0) }, ['when'], /instance of Date/],
    ['a Map', { m: new Map() }, ['m'], /instance of Map/],
  ])('rejects %s with its path', (_what, value, path, message) => {
    const err = thrown(() => canonicalJson(value))
    expect(isAblaufError(err, 'DEFINITION_INVALID')).toBe(true)
    expect((err as Error).message).toMatch(message)
    expect((err as { details?: { path?: unknown } }).details?.path).toEqual(path)
  })

  test('rejects a cycle and names where it closes', () => {
    const node: Record<string, unknown> = { name: 'n' }
    node['children'] = [node]
    const err = thrown(() => canonicalJson({ root: node }))
    expect((err as Error).message).toBe('the value at $.root.children[0] is not JSON: a cycle (the value contains itself)')
  })

  test('rejects a top-level undefined', () => {
    expect((thrown(() => canonicalJson(undefined)) as Error).message).toBe('the value is not JSON: undefined')
  })
})
