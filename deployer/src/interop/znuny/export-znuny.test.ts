import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { contentHash, type ProcessDefinitionInput } from '@ablauf/sdk'
import { processDefinitionSchema, type ActivityDialog, type ProcessDefinition } from '@ablauf/sdk/definition'
import { znunyFixtures } from '../fixtures/znuny-fixtures.js'
import { exportZnuny } from './export-znuny.js'
import { importZnunyYaml } from './import-znuny.js'

type Raw = Record<string, any>

/** The definition without `TODO(znuny-import)` lines: what an export can carry. */
function withoutTodos(def: ProcessDefinition): ProcessDefinition {
  const strip = <T extends { description?: string }>(x: T): T => {
    const d = x.description?.split('\n').filter((l) => !l.startsWith('TODO(znuny-import):')).join('\n')
    const { description: _, ...rest } = x
    return (d ? { ...rest, description: d } : rest) as T
  }
  return { ...def, activities: def.activities.map(strip), transitions: def.transitions.map(strip) }
}

describe.each(znunyFixtures())('round trip $name', ({ text }) => {
  const raw = parse(text) as Raw
  const first = importZnunyYaml(text)
  const out = exportZnuny(first.definition, { entityIds: first.entityIds })
  const again = parse(out.yaml) as Raw

  it('YAML → definition → YAML keeps every activity, dialog, transition and action entity', () => {
    expect(Object.keys(again.Activities ?? {}).sort()).toEqual([...raw.Process.Activities].sort())
    expect([...again.Process.Activities].sort()).toEqual([...raw.Process.Activities].sort())
    const dialogsUsed = new Set(Object.values<Raw>(raw.Activities ?? {}).flatMap((a) => a.ActivityDialogs ?? []))
    expect(Object.keys(again.ActivityDialogs ?? {}).sort()).toEqual([...dialogsUsed].sort())
    const paths = (p: Raw) =>
      Object.entries<Raw>(p.Process.Config.Path ?? {}).flatMap(([from, steps]) =>
        Object.entries<Raw>(steps).map(([t, s]) => `${from} ${t} ${s.ActivityEntityID}`),
      )
    expect(paths(again).sort()).toEqual(paths(raw).sort())
    const kept = new Set(Object.values(first.entityIds.actions))
    const dropped = new Set(Object.keys(raw.TransitionActions ?? {}).filter((ta) => !kept.has(ta)))
    for (const ta of dropped) expect(first.warnings.some((w) => w.entityId === ta)).toBe(true)
    const steps = (p: Raw) =>
      Object.values<Raw>(p.Process.Config.Path ?? {}).flatMap((s) => Object.values<Raw>(s)).flatMap((s) => (s.TransitionAction ?? []) as string[])
    expect(steps(again).sort()).toEqual(steps(raw).filter((ta) => !dropped.has(ta)).sort())
  })

  it('keeps each condition field by field, tests Ablauf cannot evaluate included', () => {
    expect(Object.keys(again.Transitions ?? {}).sort()).toEqual(Object.keys(raw.Transitions ?? {}).filter((t) => Object.values<Raw>(raw.Process.Config.Path).some((s) => t in s)).sort())
    for (const [eid, t] of Object.entries<Raw>(again.Transitions)) {
      const orig = raw.Transitions[eid]
      const test = (v: Raw | string) => (typeof v === 'string' ? `String ${v}` : `${v.Type || 'String'} ${JSON.stringify(v.Match)}`)
      const fields = (c: Raw) => Object.values<Raw>(c.Config.Condition).map((x) => Object.entries<Raw>(x.Fields).map(([k, v]) => `${k} ${test(v)}`).sort().join(x.Type === 'or' ? ' or ' : ' and '))
      expect(fields(t), eid).toEqual(fields(orig))
    }
  })

  it('definition → YAML → definition gives the same hash (TODO notes of unmapped items aside)', () => {
    const second = importZnunyYaml(out.yaml)
    expect(withoutTodos(second.definition)).toEqual(withoutTodos(first.definition))
    expect(contentHash(withoutTodos(second.definition))).toBe(contentHash(withoutTodos(first.definition)))
    expect(second.entityIds).toEqual(first.entityIds)
    // What the trip keeps (unmapped tests, generated ends and links) is noted again, word for word; nothing new.
    for (const w of second.warnings) expect(first.warnings).toContainEqual(w)
  })

  it('exports the same YAML every time', () => {
    expect(exportZnuny(first.definition, { entityIds: first.entityIds }).yaml).toBe(out.yaml)
  })
})

describe('export of a definition written in Ablauf', () => {
  const input: ProcessDefinitionInput = {
    apiVersion: 'ablauf/v1',
    id: 'triage',
    name: 'Triage',
    start: { on: 'manual', activity: 'confirm', dialog: 'confirm' },
    activities: [
      {
        id: 'confirm', name: 'Confirm', kind: 'user',
        dialogs: [{ id: 'confirm', title: 'Confirm', interface: ['agent', 'customer'], fields: [
          { field: 'DynamicField_Category', display: 'required' },
          { field: 'Article', display: 'optional', article: { channel: 'Email', visibleForCustomer: true } },
          { field: 'Queue', display: 'hidden', default: 'Service Desk' },
        ] }],
      },
      { id: 'classify', name: 'Classify', kind: 'script', script: 'classify-by-keywords' },
      { id: 'done', name: 'Done', kind: 'end' },
    ],
    transitions: [
      { id: 'confirm-to-classify', from: 'confirm', to: 'classify', condition: { op: 'any', of: [
        { op: 'in', field: 'DynamicField_Category', values: ['hardware', 'network (LAN)'] },
        { op: 'ne', field: 'Queue', value: 'Junk' },
        { op: 'contains', field: 'Title', value: 'a.b' },
      ] }, actions: [{ type: 'setQueue', queue: 'Hardware' }, { type: 'incrementDynamicField', field: 'Count', by: 1 }] },
      { id: 'confirm-to-done', from: 'confirm', to: 'done', condition: { op: 'regex', field: 'Title', pattern: '^urgent', flags: 'i' },
        actions: [{ type: 'sendEmail', to: ['{{customer.Email}}'], subject: 'Re: {{ticket.Title}}', body: 'Hi {{customer.FirstName}}, see {{ticket.DynamicField.Category}}' }] },
      { id: 'classify-to-done', from: 'classify', to: 'done', actions: [] },
    ],
  }
  const def = processDefinitionSchema.parse(input)

  it('writes tags of the chosen flavour, Display values and sortable transition ids', () => {
    const out = exportZnuny(def, { tags: 'otobo' })
    const doc = parse(out.yaml) as Raw
    expect(out.yaml).toContain('<OTOBO_CUSTOMER_DATA_UserEmail>')
    expect(out.yaml).toContain('<OTOBO_TICKET_DynamicField_Category>')
    expect(exportZnuny(def, { tags: 'otrs' }).yaml).toContain('<OTRS_TICKET_Title>')
    const dialog = Object.values<Raw>(doc.ActivityDialogs)[0]
    expect(dialog?.Config.Fields.DynamicField_Category.Display).toBe('2')
    expect(dialog?.Config.Fields.Queue).toMatchObject({ Display: '0', DefaultValue: 'Service Desk' })
    expect(dialog?.Config.Interface).toEqual(['AgentInterface', 'CustomerInterface'])
    const confirm = Object.keys(doc.Process.Config.Path[Object.keys(doc.Process.Config.Path)[0] as string])
    expect(confirm.length).toBe(2)
    expect([...confirm].sort()).toEqual(confirm)
    expect(doc.Process.State).toBe('Active')
    expect(doc.Process.StateEntityID).toBe('S1')
  })

  it('writes no role into Znuny\'s Permission, which is a permission type', () => {
    const first = def.activities[0]
    if (first?.kind !== 'user') throw new Error('the first activity is a user task')
    const withRole = { ...def, activities: [{ ...first, dialogs: [{ ...first.dialogs[0] as ActivityDialog, permission: 'Approvers' }] }, ...def.activities.slice(1)] }
    const out = exportZnuny(withRole)
    expect(Object.values<Raw>((parse(out.yaml) as Raw).ActivityDialogs)[0]?.Config.Permission).toBe('')
    expect(out.warnings).toContainEqual(expect.objectContaining({ entityId: 'confirm', message: expect.stringContaining('role "Approvers" left out') }))
  })

  it('warns about what Znuny lacks', () => {
    const out = exportZnuny(def)
    expect(out.warnings.map((w) => `${w.entityId}: ${w.message}`)).toEqual(
      expect.arrayContaining([expect.stringContaining('classify: script activity'), expect.stringContaining('incrementDynamicField')]),
    )
  })

  it('imports back with the same conditions, actions and fields', () => {
    const back = importZnunyYaml(exportZnuny(def).yaml).definition
    const t = back.transitions.find((x) => x.from === 'confirm' && x.to === 'classify')
    expect(t?.condition).toEqual(def.transitions[0]?.condition)
    expect(t?.actions).toEqual([{ type: 'setQueue', queue: 'Hardware' }])
    expect(back.transitions.find((x) => x.to === 'done' && x.from === 'confirm')?.actions).toEqual(def.transitions[1]?.actions)
    expect(back.transitions.find((x) => x.to === 'done' && x.from === 'confirm')?.condition).toEqual(def.transitions[1]?.condition)
    expect(back.activities[0]).toEqual(def.activities[0])
    expect(back.transitions.find((x) => x.from === 'classify')?.condition).toBeUndefined()
  })
})
