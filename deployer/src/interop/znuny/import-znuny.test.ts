import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import type { Condition, ProcessDefinition } from '@ablauf/sdk/definition'
import { evaluateCondition, type TicketSnapshot } from '@ablauf/sdk/runtime'
import { znunyFixtures } from '../fixtures/znuny-fixtures.js'
import { importZnunyYaml, type ZnunyImport } from './import-znuny.js'
import { isGenerated } from './znuny-generated.js'
import { readUnmappedTest } from './znuny-never-holds.js'

type Raw = Record<string, any>

function leaves(c: Condition | undefined): Condition[] {
  if (!c) return []
  if (c.op === 'all' || c.op === 'any' || c.op === 'one') return c.of.flatMap(leaves)
  if (c.op === 'not') return leaves(c.of)
  return [c]
}

function ourId(map: Record<string, string>, entity: string): string[] {
  return Object.entries(map).filter(([, e]) => e === entity).map(([id]) => id)
}

function dialogRefs(a: Raw): string[] {
  const cfg = a.Config?.ActivityDialog
  if (cfg && !Array.isArray(cfg) && Object.keys(cfg).length > 0) return Object.values(cfg)
  return a.ActivityDialogs ?? []
}

function warned(r: ZnunyImport, entity: string, text: string): boolean {
  return r.warnings.some((w) => w.entityId === entity && w.message.includes(text))
}

const TICKET: TicketSnapshot = {
  id: '1', number: '2024010110000001', Title: 'Printer broken', Queue: 'Raw', State: 'new', Priority: '3 normal', Type: null,
  Service: null, SLA: null, Owner: null, Responsible: null, CustomerUser: null, CustomerID: null, Lock: 'unlock',
  PendingTime: null, DynamicField: {}, test: false,
}
/** Tickets a never-holding test must not match: empty title, any text, the Znuny test's own values. */
const TICKETS: TicketSnapshot[] = ['', 'Printer broken', 'asdf', '1', '(?!)znuny:PriorityID:String:"1"'].map((Title) => ({ ...TICKET, Title }))

const STRING_OPS = ['eq']
const REGEXP_OPS = ['regex', 'notEmpty', 'empty', 'in', 'ne', 'contains']

describe.each(znunyFixtures())('import $name', ({ text }) => {
  const raw = parse(text) as Raw
  const r = importZnunyYaml(text)
  const def: ProcessDefinition = r.definition
  const paths: Record<string, Record<string, Raw>> = raw.Process.Config.Path ?? {}

  it('keeps every activity with its kind', () => {
    const listed: string[] = raw.Process.Activities
    expect(def.activities.filter((a) => !isGenerated(a)).length).toBe(listed.length)
    for (const eid of listed) {
      const [id] = ourId(r.entityIds.activities, eid)
      const a = def.activities.find((x) => x.id === id)
      expect(a?.name).toBe(raw.Activities[eid].Name)
      const dialogs = dialogRefs(raw.Activities[eid])
      const out = Object.keys(paths[eid] ?? {})
      expect(a?.kind).toBe(dialogs.length > 0 ? 'user' : out.length > 0 ? 'wait' : 'end')
      if (a?.kind === 'user') expect(a.dialogs.map((d) => r.entityIds.dialogs[d.id])).toEqual(dialogs)
    }
  })

  it('keeps every dialog field or reports it', () => {
    for (const a of def.activities) {
      if (a.kind !== 'user') continue
      for (const d of a.dialogs) {
        const eid = r.entityIds.dialogs[d.id] as string
        const zd = raw.ActivityDialogs[eid]
        expect(d.title).toBe(zd.Name)
        for (const [key, f] of Object.entries<Raw>(zd.Config.Fields ?? {})) {
          const ours = d.fields.find((x) => x.field === key)
          if (!ours) {
            expect(warned(r, eid, key)).toBe(true)
            continue
          }
          expect(ours.display).toBe(['hidden', 'optional', 'required'][Number(f.Display)])
        }
      }
    }
  })

  it('keeps every transition in Znuny order, with target, condition and actions', () => {
    const expected = Object.entries(paths).flatMap(([from, steps]) =>
      Object.keys(steps).sort().map((t) => ({ from, t, step: steps[t] as Raw })),
    )
    expect(def.transitions.filter((t) => !isGenerated(t)).length).toBe(expected.length)
    for (const { from, t, step } of expected) {
      const ours = def.transitions.find((x) => r.entityIds.transitions[x.id] === t && r.entityIds.activities[x.from] === from)
      expect(ours, t).toBeDefined()
      if (!ours) continue
      expect(r.entityIds.activities[ours.to]).toBe(step.ActivityEntityID)
      const zt = raw.Transitions[t]
      const conditions = Object.values<Raw>(zt.Config.Condition)
      const ourLeaves = leaves(ours.condition)
      for (const c of conditions) {
        for (const [key, test] of Object.entries<Raw>(c.Fields)) {
          const field = key === 'CustomerUserID' ? 'CustomerUser' : key
          const kept = ourLeaves.flatMap((l) => readUnmappedTest(l) ?? []).filter((u) => u.key === key)
          if (kept.length > 0) {
            expect(kept.map((u) => u.match), `${t} ${key}`).toContainEqual(test.Match ?? test)
            expect(warned(r, t, key), `${t} ${key}`).toBe(true)
            expect(ours.description).toContain(`TODO(znuny-import): ${t}`)
            continue
          }
          const leaf = ourLeaves.find((l) => 'field' in l && l.field === field)
          expect(leaf, `${t} ${key}`).toBeDefined()
          if (!leaf) continue
          expect(test.Type === 'String' ? STRING_OPS : REGEXP_OPS).toContain(leaf.op)
          if (leaf.op === 'eq') expect(leaf.value).toBe(String(test.Match))
          if (leaf.op === 'regex') expect(leaf.pattern).toBe(String(test.Match))
        }
      }
      if (conditions.length > 1 && ours.condition) {
        expect(ours.condition.op).toBe({ and: 'all', or: 'any', xor: 'one' }[zt.Config.ConditionLinking as string])
      }
      for (const ta of step.TransitionAction ?? []) {
        const kept = Object.entries(r.entityIds.actions).some(([k, e]) => e === ta && k.startsWith(`${ours.id}#`))
        expect(kept || warned(r, ta, ''), `${t} ${ta}`).toBe(true)
      }
    }
  })

  it('starts at the start activity and dialog', () => {
    const start = raw.Process.Config.StartActivity
    if (!start) return
    expect(r.entityIds.activities[def.start.activity]).toBe(start)
    expect(def.activities[0]?.id).toBe(def.start.activity)
    if (def.start.on === 'manual' && def.start.dialog) expect(r.entityIds.dialogs[def.start.dialog]).toBe(raw.Process.Config.StartActivityDialog)
  })
})

describe('import quirks', () => {
  const byName = Object.fromEntries(znunyFixtures().map((f) => [f.name, f.text]))

  it('maps tags to placeholders and keeps unmapped article keys as TODOs', () => {
    const r = importZnunyYaml(byName['Conference_Room_Reservation.yml'] as string)
    const t = r.definition.transitions.find((x) => x.actions.some((a) => a.type === 'addArticle'))
    const a = t?.actions[0]
    expect(a?.type === 'addArticle' && a.article.body).toContain('{{ticket.DynamicField.PreProcConferenceRoomNo}}')
    expect(a?.type === 'addArticle' && a.article.visibleForCustomer).toBe(true)
    expect(t?.description).toContain('TODO(znuny-import)')
    expect(r.warnings.some((w) => w.message.includes('From='))).toBe(true)
  })

  it('reports Module conditions and ticket fields Ablauf lacks', () => {
    const r = importZnunyYaml(byName['Service_Operation_Incident_Management.yml'] as string)
    expect(warned(r, 'Transition-01b7e2ff23f322c2bedadbb0a5655286', 'Module')).toBe(true)
    expect(warned(r, 'Transition-1db1a4eeefef1179ecfe24f9fa72f2fb', 'PriorityID')).toBe(true)
    const t = r.definition.transitions.find((x) => r.entityIds.transitions[x.id] === 'Transition-67ba265a6e42202acd9c6d79a383683e')
    expect(leaves(t?.condition)).toContainEqual({ op: 'notEmpty', field: 'CustomerUser' })
    expect(leaves(t?.condition)).toContainEqual({ op: 'regex', field: 'State', pattern: 'new|open' })
  })

  it('fails closed: a transition whose tests Ablauf cannot evaluate never fires, as in Znuny', () => {
    const r = importZnunyYaml(byName['Service_Operation_Incident_Management.yml'] as string)
    const byEntity = (e: string) => r.definition.transitions.find((x) => r.entityIds.transitions[x.id] === e)
    const priority = byEntity('Transition-1db1a4eeefef1179ecfe24f9fa72f2fb')
    const module = byEntity('Transition-01b7e2ff23f322c2bedadbb0a5655286')
    expect(leaves(priority?.condition).map(readUnmappedTest).filter((x) => x !== undefined)).toEqual(['1', '2', '3', '4'].map((match) => ({ key: 'PriorityID', type: 'String', match })))
    expect(leaves(module?.condition).map(readUnmappedTest)).toEqual([{ key: 'asdf', type: 'Module', match: 'asdf' }])
    expect(module?.description).toContain('never holds until rewritten')
    for (const c of [priority?.condition, module?.condition]) {
      expect(c).toBeDefined()
      for (const t of TICKETS) expect(evaluateCondition(c as Condition, t)).toBe(false)
    }
  })

  it('ends after a last activity with dialogs, once a dialog is submitted, and says so', () => {
    const r = importZnunyYaml(byName['Office_Materials_Procurement.yml'] as string)
    const last = 'office-materials-procurement-in-progress'
    expect(r.definition.activities.find((a) => a.id === last)).toMatchObject({ kind: 'user', description: expect.stringContaining('TODO(znuny-import)') })
    const out = r.definition.transitions.filter((t) => t.from === last)
    expect(out).toMatchObject([{ to: `${last}-done`, actions: [] }])
    expect(out[0]?.condition).toBeUndefined()
    expect(r.definition.activities.find((a) => a.id === `${last}-done`)).toMatchObject({ kind: 'end', name: 'Process complete' })
    expect(warned(r, r.entityIds.activities[last] as string, 'open for ever')).toBe(true)
    expect(Object.keys(r.entityIds.activities)).not.toContain(`${last}-done`)
    expect(Object.keys(r.entityIds.transitions)).not.toContain(out[0]?.id)
  })

  it('keeps an activity no Znuny transition reaches, linked from the start by a transition that never holds', () => {
    const r = importZnunyYaml(byName['Complex3.yml'] as string)
    const links = r.definition.transitions.filter((t) => t.to === 'ship-replacement-unit-to-customer' || t.to === 'update-sn-on-intranet')
    expect(links.map((t) => [t.from, t.to])).toEqual([
      ['submit-rma-details', 'ship-replacement-unit-to-customer'],
      ['submit-rma-details', 'update-sn-on-intranet'],
    ])
    for (const t of links) {
      expect(isGenerated(t)).toBe(true)
      for (const ticket of TICKETS) expect(evaluateCondition(t.condition as Condition, ticket)).toBe(false)
    }
    expect(warned(r, r.entityIds.activities['update-sn-on-intranet'] as string, 'no Znuny transition leads')).toBe(true)
  })

  it('splits a DynamicFieldSet into one action per field and reports a broken key', () => {
    const r = importZnunyYaml(byName['Travel_expense.yml'] as string)
    expect(warned(r, 'TransitionAction-c73471e663ce273575e9ec8bdd1290c7', 'not a dynamic field name')).toBe(true)
    const sets = r.definition.transitions.flatMap((t) => t.actions).filter((a) => a.type === 'setDynamicField')
    expect(sets.length).toBeGreaterThan(0)
  })

  it('reads legacy short ids and numbers written as numbers', () => {
    const r = importZnunyYaml(byName['Complex2.yml'] as string)
    expect(r.entityIds.process).toBe('P1')
    expect(r.definition.id).toBe('book-ordering')
    expect(r.definition.start).toMatchObject({ on: 'manual', activity: 'recording-the-demand', dialog: 'recording-the-demand-customer' })
  })

  it('reads a dialog Permission as the Znuny permission type it is, not as a role', () => {
    const r = importZnunyYaml(byName['Order_Request_Management.yml'] as string)
    const dialogs = r.definition.activities.flatMap((a) => (a.kind === 'user' ? a.dialogs : []))
    expect(dialogs.every((d) => d.permission === undefined)).toBe(true)
    expect(r.warnings.some((w) => w.message.startsWith('Permission "rw" is a Znuny permission type'))).toBe(true)
  })

  it('gives an empty process a frame that never starts, and says so', () => {
    const r = importZnunyYaml(byName['EmptyProcess.yml'] as string)
    expect(r.definition.activities).toMatchObject([{ id: 'start', kind: 'wait' }, { id: 'end', kind: 'end' }])
    expect(r.definition.activities.every(isGenerated)).toBe(true)
    const start = r.definition.start
    expect(start.on === 'ticket.created' && start.when !== undefined && TICKETS.some((t) => evaluateCondition(start.when as Condition, t))).toBe(false)
    expect(r.warnings[0]?.message).toContain('no activities')
  })
})
