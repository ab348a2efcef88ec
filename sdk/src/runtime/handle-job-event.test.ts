import { describe, expect, it } from 'vitest'
import { createTicketSnapshot } from '../testing/ticket-snapshot.js'
import { around, incidentTriage } from './fixtures/definitions.js'
import type { ProcessEvent, RuntimeEnv, StepResult } from './runtime-types.js'
import { start } from './start.js'
import { step } from './step.js'

const now = new Date('2025-01-01T09:00:00Z')
const ticket = createTicketSnapshot({ Title: 'Laptop broken', Queue: 'Service Desk', DynamicField_Serial: 'SN-1' })

/** The triage process, waiting for the warranty lookup. */
function atWarrantyCheck(): StepResult {
  const s = start(incidentTriage, ticket, { instanceId: 'i1', now })
  return step(incidentTriage, s.instance, { type: 'script.completed', key: 'i1:classify:1', updates: { DynamicField_Category: 'hardware' }, ticket: s.ticket }, now)
}
const send = (def: typeof incidentTriage, r: StepResult, event: ProcessEvent): StepResult => step(def, r.instance, { ...event, ticket: r.ticket }, now)

describe('service results', () => {
  it('maps response paths into fields and follows the normal transition with its actions', () => {
    const r = send(incidentTriage, atWarrantyCheck(), { type: 'service.succeeded', key: 'i1:check-warranty:2', response: { status: 200, body: { status: 'valid' } }, attempts: 1 })
    expect(r.ticket.DynamicField.Warranty).toBe('valid')
    expect(r.ticket.Queue).toBe('Hardware')
    expect(r.instance.activity).toBe('confirm')
    expect(r.history.filter((h) => h.type === 'transition.taken').map((h) => h.transition)).toEqual(['warranty-checked'])
  })

  it('a timeout follows the on:error transition', () => {
    const r = send(incidentTriage, atWarrantyCheck(), { type: 'service.failed', key: 'i1:check-warranty:2', error: { code: 'TIMEOUT', message: 'no answer' }, attempts: 3 })
    expect(r.instance.activity).toBe('confirm')
    expect(r.history).toContainEqual(expect.objectContaining({ type: 'transition.taken', transition: 'warranty-failed', on: 'error' }))
    expect(r.effects).toContainEqual({ type: 'article.create', article: expect.objectContaining({ subject: 'Warranty lookup failed', body: 'Check SN-1 by hand' }) })
  })

  it('a failing HTTP status or error code counts as failure', () => {
    const r = send(incidentTriage, atWarrantyCheck(), { type: 'service.succeeded', key: 'i1:check-warranty:2', response: { status: 503, body: null }, attempts: 1 })
    expect(r.history).toContainEqual(expect.objectContaining({ type: 'transition.taken', transition: 'warranty-failed' }))

    const def = around({
      id: 'call', name: 'Call', kind: 'service', webService: 'ERP', invoker: 'Lookup',
      failOn: { errorCodePath: 'body.error.code', errorCodes: ['E42'] },
    }, { errorPath: true })
    const s = start(def, ticket, { instanceId: 'i1', now })
    const f = send(def, s, { type: 'service.succeeded', key: 'i1:call:1', response: { status: 200, body: { error: { code: 'E42' } } }, attempts: 1 })
    expect(f.instance.activity).toBe('failed')
  })

  it('an answer the env refuses for its field fails the call: error path, nothing of it written', () => {
    const env: RuntimeEnv = { person: () => undefined, fieldValuesProblem: (values) => (values['DynamicField_Warranty'] === 'broken' ? 'a Warranty it lacks' : undefined) }
    const at = atWarrantyCheck()
    const r = step(incidentTriage, at.instance, { type: 'service.succeeded', key: 'i1:check-warranty:2', response: { status: 200, body: { status: 'broken' } }, attempts: 1, ticket: at.ticket }, now, env)
    expect(r.ticket.DynamicField.Warranty).toBeUndefined()
    expect(r.history).toContainEqual(expect.objectContaining({ type: 'service.failed', status: 200, message: 'ERP/WarrantyLookup answered a Warranty it lacks' }))
    expect(r.history).toContainEqual(expect.objectContaining({ type: 'transition.taken', transition: 'warranty-failed', on: 'error' }))
  })

  it('a failure without an error path is an incident, and retry calls the service again with a new key', () => {
    const def = around({ id: 'call', name: 'Call', kind: 'service', webService: 'ERP', invoker: 'Lookup' })
    const s = start(def, ticket, { instanceId: 'i1', now })
    const failed = send(def, s, { type: 'service.failed', key: 'i1:call:1', error: { code: 'NETWORK', message: 'ECONNREFUSED' }, attempts: 1 })
    expect(failed.instance.status).toBe('incident')
    expect(failed.instance.incident).toMatchObject({ code: 'SERVICE_FAILED', activity: 'call' })
    expect(failed.effects).toContainEqual(expect.objectContaining({ type: 'incident.raised' }))

    const retried = send(def, failed, { type: 'retry', actor: { kind: 'agent', login: 'admin' } })
    expect(retried.instance).toMatchObject({ status: 'running', incident: null, waiting: { for: 'service', key: 'i1:call:3' } })
    expect(retried.effects).toContainEqual(expect.objectContaining({ type: 'service.call', key: 'i1:call:3' }))
    expect(() => send(def, retried, { type: 'retry', actor: { kind: 'system' } })).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
  })
})

describe('script results', () => {
  it('a stale or duplicate job result is ignored and only noted in the history', () => {
    const s = start(incidentTriage, ticket, { instanceId: 'i1', now })
    const r = send(incidentTriage, s, { type: 'script.completed', key: 'i1:classify:0', updates: { DynamicField_Category: 'hardware' } })
    expect(r.instance.activity).toBe('classify')
    expect(r.ticket.DynamicField.Category).toBeUndefined()
    expect(r.effects).toEqual([])
    expect(r.history).toEqual([expect.objectContaining({ type: 'event.ignored', event: 'script.completed' })])
  })

  it('a script with no holding transition afterwards raises NO_TRANSITION', () => {
    const def = around({ id: 'run', name: 'Run', kind: 'script', script: 'x' })
    const guarded = { ...def, transitions: def.transitions.map((t) => ({ ...t, condition: { op: 'eq' as const, field: 'Queue' as const, value: 'Nowhere' } })) }
    const s = start(guarded, ticket, { instanceId: 'i1', now })
    const r = send(guarded, s, { type: 'script.completed', key: 'i1:run:1', updates: {} })
    expect(r.instance.incident?.code).toBe('NO_TRANSITION')
    expect(r.history).toContainEqual(expect.objectContaining({ type: 'transition.skipped', transition: 'ok' }))
  })

  it('a failed script without an error path is an incident SCRIPT_FAILED', () => {
    const def = around({ id: 'run', name: 'Run', kind: 'script', script: 'x' })
    const s = start(def, ticket, { instanceId: 'i1', now })
    const r = send(def, s, { type: 'script.failed', key: 'i1:run:1', error: { code: 'E', message: 'boom' } })
    expect(r.instance.incident).toMatchObject({ code: 'SCRIPT_FAILED', message: 'script "x" failed: boom' })
  })

  it('updates the env refuses fail the script: error path, the ticket unchanged', () => {
    const env: RuntimeEnv = { person: () => undefined, fieldValuesProblem: (values) => ('Queue' in values ? 'a queue that does not exist' : undefined) }
    const def = around({ id: 'run', name: 'Run', kind: 'script', script: 'x' }, { errorPath: true })
    const s = start(def, ticket, { instanceId: 'i1', now })
    const r = step(def, s.instance, { type: 'script.completed', key: 'i1:run:1', updates: { Queue: 'Nowhere' }, ticket: s.ticket }, now, env)
    expect(r.ticket.Queue).toBe('Service Desk')
    expect(r.instance.activity).toBe('failed')
    expect(r.history).toContainEqual(expect.objectContaining({ type: 'script.failed', script: 'x', message: 'returned a queue that does not exist' }))
  })
})

describe('sub-processes', () => {
  it('the parent continues when its child completes, or takes the error path when it fails', () => {
    const def = around({ id: 'sub', name: 'Sub', kind: 'subprocess', process: 'child' }, { errorPath: true })
    const s = start(def, ticket, { instanceId: 'i1', now })
    const done = send(def, s, { type: 'subprocess.completed', key: 'i1:sub:1', childInstanceId: 'c1' })
    expect(done.instance).toMatchObject({ status: 'completed', activity: 'end' })
    const failed = send(def, s, { type: 'subprocess.failed', key: 'i1:sub:1', childInstanceId: 'c1', error: { code: 'X', message: 'child broke' } })
    expect(failed.instance.activity).toBe('failed')
  })
})
