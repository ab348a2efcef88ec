import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import type { Condition, ProcessDefinition } from '@ablauf/sdk/definition'
import { znunyFixtures } from '../fixtures/znuny-fixtures.js'
import { importZnunyYaml, type ZnunyImport } from './import-znuny.js'

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

const STRING_OPS = ['eq']
const REGEXP_OPS = ['regex', 'notEmpty', 'empty', 'in', 'ne', 'contains']

describe.each(znunyFixtures())('import $name', ({ text }) => {
  const raw = parse(text) as Raw
  const r = importZnunyYaml(text)
  const def: ProcessDefinition = r.definition
  const paths: Record<string, Record<string, Raw>> = raw.Process.Config.Path ?? {}

  it('keeps every activity with its kind', () => {
    const listed: string[] = raw.Process.Activities
    expect(def.activities.length).toBe(Math.max(listed.length, 1))
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
    expect(def.transitions.length).toBe(expected.length)
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
          const leaf = ourLeaves.find((l) => 'field' in l && l.field === field)
          if (!leaf) {
            expect(warned(r, t, key), `${t} ${key}`).toBe(true)
            expect(ours.description).toContain(`TODO(znuny-import): ${t}`)
            continue
          }
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

  it('gives an empty process an end activity and says so', () => {
    const r = importZnunyYaml(byName['EmptyProcess.yml'] as string)
    expect(r.definition.activities).toMatchObject([{ id: 'end', kind: 'end' }])
    expect(r.warnings[0]?.message).toContain('no activities')
  })
})
