import { describe, expect, it } from 'vitest'
import { createTicketSnapshot } from '../testing/ticket-snapshot.js'
import { around, definition, incidentTriage } from './fixtures/definitions.js'
import type { Effect, StepResult } from './runtime-types.js'
import { start } from './start.js'
import { step } from './step.js'

const now = new Date('2025-01-01T09:00:00Z')
const ticket = createTicketSnapshot({ Title: 'Laptop broken', Queue: 'Service Desk', DynamicField_Serial: 'SN-1' })
const effectTypes = (r: StepResult): Effect['type'][] => r.effects.map((e) => e.type)

describe('start and entering activities', () => {
  it('a script activity schedules the script with a deterministic key and waits for it', () => {
    const r = start(incidentTriage, ticket, { instanceId: 'i1', now, version: 'v1' })
    expect(r.instance).toMatchObject({ status: 'running', activity: 'classify', seq: 1, version: 'v1', waiting: { for: 'script', key: 'i1:classify:1' } })
    expect(r.effects).toEqual([{ type: 'script.run', key: 'i1:classify:1', activity: 'classify', script: 'classify-by-keywords', params: { source: 'Title' } }])
    expect(r.history.map((h) => h.type)).toEqual(['process.started', 'activity.entered'])
  })

  it('a service activity calls the invoker with the rendered request', () => {
    const first = start(incidentTriage, ticket, { instanceId: 'i1', now })
    const r = step(incidentTriage, first.instance, { type: 'script.completed', key: 'i1:classify:1', updates: { DynamicField_Category: 'hardware' }, ticket: first.ticket }, now)
    expect(r.instance.waiting).toEqual({ for: 'service', key: 'i1:check-warranty:2' })
    expect(r.effects.find((e) => e.type === 'service.call')).toMatchObject({
      webService: 'ERP',
      invoker: 'WarrantyLookup',
      request: { 'body.serial': 'SN-1', 'body.title': 'Ticket Laptop broken' },
      timeoutMs: 5000,
      retries: 2,
    })
    expect(r.ticket.DynamicField.Category).toBe('hardware')
  })

  it('a user activity opens a task and waits for a dialog', () => {
    const def = around({ id: 'ask', name: 'Ask', kind: 'user', dialogs: [{ id: 'form', title: 'Form', interface: ['agent'], fields: [] }] })
    const r = start(def, ticket, { instanceId: 'i1', now })
    expect(r.effects).toEqual([{ type: 'task.open', activity: 'ask', dialogs: ['form'] }])
    expect(r.instance.waiting).toEqual({ for: 'dialog' })
  })

  it('a waiting subprocess activity starts the child and waits; a non-waiting one moves on', () => {
    const waiting = start(around({ id: 'sub', name: 'Sub', kind: 'subprocess', process: 'child' }), ticket, { instanceId: 'i1', now })
    expect(waiting.instance.waiting).toEqual({ for: 'subprocess', key: 'i1:sub:1' })
    expect(waiting.effects[0]).toMatchObject({ type: 'subprocess.start', process: 'child', version: 'latest', ticket: 'same', wait: true })

    const fire = start(around({ id: 'sub', name: 'Sub', kind: 'subprocess', process: 'child', wait: false }), ticket, { instanceId: 'i1', now })
    expect(fire.instance.status).toBe('completed')
    expect(effectTypes(fire)).toEqual(['subprocess.start', 'instance.ended'])
  })

  it('an end activity completes the instance', () => {
    const r = start(around({ id: 'stop', name: 'Stop', kind: 'end' }), ticket, { instanceId: 'i1', now })
    expect(r.instance).toMatchObject({ status: 'completed', activity: 'stop', endedAt: now.toISOString(), waiting: null })
    expect(r.effects).toEqual([{ type: 'instance.ended', status: 'completed', parent: null }])
    expect(r.history.at(-1)).toEqual({ type: 'process.completed', at: now.toISOString() })
  })
})

describe('transitions', () => {
  const gate = (transitions: Parameters<typeof definition>[0]['transitions']) =>
    definition({
      id: 'gate',
      name: 'Gate',
      start: { on: 'manual', activity: 'gate' },
      activities: [
        { id: 'gate', name: 'Gate', kind: 'wait' },
        { id: 'a', name: 'A', kind: 'end' },
        { id: 'b', name: 'B', kind: 'end' },
      ],
      transitions,
    })

  it('takes the first transition in declared order whose condition holds', () => {
    const def = gate([
      { id: 'to-a', from: 'gate', to: 'a', condition: { op: 'eq', field: 'Queue', value: 'Service Desk' } },
      { id: 'to-b', from: 'gate', to: 'b' },
    ])
    expect(start(def, ticket, { instanceId: 'i1', now }).instance.activity).toBe('a')
    expect(start(def, { ...ticket, Queue: 'Raw' }, { instanceId: 'i1', now }).instance.activity).toBe('b')
  })

  it('a wait activity waits when nothing holds and moves on when the ticket changes', () => {
    const def = gate([{ id: 'to-a', from: 'gate', to: 'a', condition: { op: 'eq', field: 'State', value: 'open' } }])
    const waiting = start(def, ticket, { instanceId: 'i1', now })
    expect(waiting.instance.waiting).toEqual({ for: 'condition' })

    const still = step(def, waiting.instance, { type: 'ticket.updated', ticket: waiting.ticket }, now)
    expect(still.instance.activity).toBe('gate')
    expect(still.history).toEqual([])

    const moved = step(def, waiting.instance, { type: 'ticket.updated', ticket: { ...ticket, State: 'open' } }, now)
    expect(moved.instance).toMatchObject({ activity: 'a', status: 'completed' })
  })

  it('an update while the instance waits for something else changes nothing', () => {
    const r = start(incidentTriage, ticket, { instanceId: 'i1', now })
    const u = step(incidentTriage, r.instance, { type: 'ticket.updated', ticket: r.ticket }, now)
    expect(u.instance.waiting).toEqual(r.instance.waiting)
    expect(u.effects).toEqual([])
    expect(u.history).toEqual([])
  })

  it('a cycle without waiting stops after 100 transitions with an incident', () => {
    const def = definition({
      id: 'loop',
      name: 'Loop',
      start: { on: 'manual', activity: 'ping' },
      activities: [
        { id: 'ping', name: 'Ping', kind: 'wait' },
        { id: 'pong', name: 'Pong', kind: 'wait' },
      ],
      transitions: [
        { id: 'ping-pong', from: 'ping', to: 'pong' },
        { id: 'pong-ping', from: 'pong', to: 'ping' },
      ],
    })
    const r = start(def, ticket, { instanceId: 'i1', now })
    expect(r.instance.status).toBe('incident')
    expect(r.instance.incident?.code).toBe('STEP_LIMIT_EXCEEDED')
    expect(r.history.filter((h) => h.type === 'transition.taken')).toHaveLength(100)
    expect(r.effects.at(-1)).toMatchObject({ type: 'incident.raised', incident: { code: 'STEP_LIMIT_EXCEEDED' } })
  })

  it('never mutates its inputs', () => {
    const r = start(incidentTriage, ticket, { instanceId: 'i1', now })
    const before = JSON.stringify([r.instance, r.ticket])
    step(incidentTriage, r.instance, { type: 'script.completed', key: 'i1:classify:1', updates: { DynamicField_Category: 'x' }, ticket: r.ticket }, now)
    expect(JSON.stringify([r.instance, r.ticket])).toBe(before)
  })
})

describe('cancel', () => {
  it('ends the instance and closes its open task', () => {
    const def = around({ id: 'ask', name: 'Ask', kind: 'user', dialogs: [{ id: 'form', title: 'Form', interface: ['agent'], fields: [] }] })
    const r = start(def, ticket, { instanceId: 'i1', now })
    const c = step(def, r.instance, { type: 'cancel', actor: { kind: 'agent', login: 'jdoe' }, reason: 'duplicate', ticket: r.ticket }, now)
    expect(c.instance.status).toBe('canceled')
    expect(effectTypes(c)).toEqual(['task.close', 'instance.ended'])
    expect(() => step(def, c.instance, { type: 'cancel', actor: { kind: 'system' }, ticket: r.ticket }, now)).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
  })
})
