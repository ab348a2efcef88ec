import { describe, expect, test } from 'vitest'
import { activitySchema } from './activity-schema.js'

const parse = (input: unknown) => activitySchema.safeParse(input)
const problems = (input: unknown): string[] => {
  const r = parse(input)
  return r.success ? [] : r.error.issues.map((i) => `${i.code} at ${i.path.join('.')}`)
}

describe('activitySchema', () => {
  test('a service task gets its defaults: 10 s timeout, no retries, exponential backoff', () => {
    const r = parse({ id: 'call', name: 'Call', kind: 'service', webService: 'ERP', invoker: 'Lookup' })
    expect(r.success && r.data).toEqual({
      id: 'call',
      name: 'Call',
      kind: 'service',
      webService: 'ERP',
      invoker: 'Lookup',
      timeoutMs: 10_000,
      retries: 0,
      backoff: { initialMs: 1000, factor: 2, maxMs: 60_000 },
      input: {},
      output: {},
    })
  })

  test('service output writes to a field; request and response paths are dotted', () => {
    expect(problems({ id: 'c', name: 'C', kind: 'service', webService: 'w', invoker: 'i', output: { 'body.items.0.id': 'DynamicField_Item' } })).toEqual([])
    expect(problems({ id: 'c', name: 'C', kind: 'service', webService: 'w', invoker: 'i', output: { 'body.x': 'DynamicField_' } })).toEqual([
      'invalid_union at output.body.x',
    ])
    expect(problems({ id: 'c', name: 'C', kind: 'service', webService: 'w', invoker: 'i', input: { 'body..x': 'v' } })).toEqual([
      'invalid_key at input.body..x',
    ])
  })

  test('a misspelt field says which fields exist', () => {
    const r = parse({ id: 'c', name: 'C', kind: 'service', webService: 'w', invoker: 'i', output: { status: 'queue' } })
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.message).toMatch(/^use a ticket field \(Title, Queue, .*\) or DynamicField_<Name>/)
  })

  test('a script task carries JSON params, not code', () => {
    expect(problems({ id: 's', name: 'S', kind: 'script', script: 'classify', params: { n: 1, list: ['a'], deep: { ok: null } } })).toEqual([])
    expect(parse({ id: 's', name: 'S', kind: 'script', script: 'classify', params: { run: () => 1 } }).success).toBe(false)
  })

  test('a sub-process runs "latest" or a pinned sha256 version, on this ticket by default', () => {
    const r = parse({ id: 'sub', name: 'Sub', kind: 'subprocess', process: 'order-parts' })
    expect(r.success && [r.data.kind === 'subprocess' && r.data.version, r.data.kind === 'subprocess' && r.data.ticket]).toEqual(['latest', 'same'])
    expect(problems({ id: 'sub', name: 'Sub', kind: 'subprocess', process: 'order-parts', version: 'v2' })).toEqual(['invalid_format at version'])
    expect(problems({ id: 'sub', name: 'Sub', kind: 'subprocess', process: 'order-parts', version: 'a'.repeat(64) })).toEqual([])
  })

  test('a user task needs at least one dialog, and a dialog at least one interface', () => {
    expect(problems({ id: 'u', name: 'U', kind: 'user', dialogs: [] })).toEqual(['too_small at dialogs'])
    expect(problems({ id: 'u', name: 'U', kind: 'user', dialogs: [{ id: 'd', title: 'D', interface: [], fields: [] }] })).toEqual([
      'too_small at dialogs.0.interface',
    ])
  })

  test('dialog fields are hidden, optional or required, with defaults typed as field values', () => {
    const dialog = (fields: unknown[]) => ({ id: 'u', name: 'U', kind: 'user', dialogs: [{ id: 'd', title: 'D', interface: ['agent'], fields }] })
    expect(problems(dialog([{ field: 'DynamicField_Tags', display: 'hidden', default: ['a', 'b'] }, { field: 'Article', display: 'required', article: {} }]))).toEqual([])
    expect(problems(dialog([{ field: 'Queue', display: 'shown' }]))).toEqual(['invalid_value at dialogs.0.fields.0.display'])
    expect(problems(dialog([{ field: 'Queue', display: 'hidden', default: { name: 'Raw' } }]))).toEqual(['invalid_union at dialogs.0.fields.0.default'])
  })

  test('an unknown kind names the kinds that exist', () => {
    const r = parse({ id: 'x', name: 'X', kind: 'robot' })
    expect(r.error?.issues[0]?.message).toMatch(/'user' \| 'script' \| 'service' \| 'subprocess' \| 'wait' \| 'end'/)
  })
})
