import type { Activity, ActivityDialog, ProcessDefinition, Transition, TransitionAction } from '@ablauf/sdk/definition'
import type { SemanticChange } from './plan-types.js'
import { canonicalJson } from '@ablauf/sdk/definition'
import { changedKeys, matchById, sameJson, sequenceDiff } from './property-diff.js'

/**
 * The semantic difference between two versions of a process: which activities, dialogs, dialog fields,
 * transitions, conditions and actions were added, removed or changed, and which of their properties.
 * Pure; the order of the result follows the order of the new definition.
 */
export function diffDefinitions(before: ProcessDefinition, after: ProcessDefinition): SemanticChange[] {
  const changes: SemanticChange[] = []
  const processProps = changedKeys(before, after, ['activities', 'transitions', 'apiVersion', 'id'])
  if (processProps.length > 0) changes.push({ subject: 'process', change: 'changed', properties: processProps })
  diffActivities(before.activities, after.activities, changes)
  diffTransitions(before.transitions, after.transitions, changes)
  return changes
}

function diffActivities(before: Activity[], after: Activity[], out: SemanticChange[]): void {
  const { removed, added, common } = matchById(before, after)
  for (const a of added) out.push({ subject: 'activity', change: 'added', activity: a.id, kind: a.kind, properties: [] })
  for (const a of removed) out.push({ subject: 'activity', change: 'removed', activity: a.id, kind: a.kind, properties: [] })
  for (const pair of common) {
    const bothUser = pair.before.kind === 'user' && pair.after.kind === 'user'
    const properties = changedKeys(pair.before, pair.after, bothUser ? ['id', 'dialogs'] : ['id'])
    if (properties.length > 0) {
      out.push({ subject: 'activity', change: 'changed', activity: pair.after.id, kind: pair.after.kind, properties })
    }
    if (pair.before.kind === 'user' && pair.after.kind === 'user') {
      diffDialogs(pair.after.id, pair.before.dialogs, pair.after.dialogs, out)
    }
  }
}

function diffDialogs(activity: string, before: ActivityDialog[], after: ActivityDialog[], out: SemanticChange[]): void {
  const { removed, added, common } = matchById(before, after)
  for (const d of added) out.push({ subject: 'dialog', change: 'added', activity, dialog: d.id, properties: [] })
  for (const d of removed) out.push({ subject: 'dialog', change: 'removed', activity, dialog: d.id, properties: [] })
  for (const pair of common) {
    const dialog = pair.after.id
    const properties = changedKeys(pair.before, pair.after, ['id', 'fields'])
    const withField = (f: { field: string }): { id: string; f: typeof f } => ({ id: f.field, f })
    const fields = matchById(pair.before.fields.map(withField), pair.after.fields.map(withField))
    const commonIds = fields.common.map((c) => c.after.id)
    const oldOrder = pair.before.fields.map((f) => f.field).filter((f) => commonIds.includes(f))
    if (!sameJson(oldOrder, commonIds)) properties.push('field order')
    if (properties.length > 0) out.push({ subject: 'dialog', change: 'changed', activity, dialog, properties })
    for (const f of fields.added) out.push({ subject: 'dialog-field', change: 'added', activity, dialog, field: f.id, properties: [] })
    for (const f of fields.removed) out.push({ subject: 'dialog-field', change: 'removed', activity, dialog, field: f.id, properties: [] })
    for (const c of fields.common) {
      const props = changedKeys(c.before.f, c.after.f, ['field'])
      if (props.length > 0) out.push({ subject: 'dialog-field', change: 'changed', activity, dialog, field: c.after.id, properties: props })
    }
  }
}

function diffTransitions(before: Transition[], after: Transition[], out: SemanticChange[]): void {
  const { removed, added, common } = matchById(before, after)
  const rank = (list: Transition[], t: Transition, ids: Set<string>): number =>
    list.filter((x) => x.from === t.from && ids.has(x.id)).findIndex((x) => x.id === t.id)
  const commonIds = new Set(common.map((c) => c.after.id))
  for (const t of added) out.push({ subject: 'transition', change: 'added', transition: t.id, from: t.from, to: t.to, properties: [] })
  for (const t of removed) out.push({ subject: 'transition', change: 'removed', transition: t.id, from: t.from, to: t.to, properties: [] })
  for (const pair of common) {
    const t = pair.after
    const properties = changedKeys(pair.before, t, ['id'])
    if (pair.before.from === t.from && rank(before, pair.before, commonIds) !== rank(after, t, commonIds)) {
      properties.push('order')
    }
    if (properties.length === 0) continue
    out.push({ subject: 'transition', change: 'changed', transition: t.id, from: t.from, to: t.to, properties })
    if (!sameJson(pair.before.condition, t.condition)) {
      const change = pair.before.condition === undefined ? 'added' : t.condition === undefined ? 'removed' : 'changed'
      out.push({ subject: 'condition', change, transition: t.id })
    }
    diffActions(t.id, pair.before.actions, t.actions, out)
  }
}

function diffActions(transition: string, before: TransitionAction[], after: TransitionAction[], out: SemanticChange[]): void {
  const ops = sequenceDiff(before, after, (a) => canonicalJson(a))
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]!
    const next = ops[i + 1]
    if (op.op === 'remove' && next?.op === 'add' && next.after.type === op.before.type) {
      const properties = changedKeys(op.before, next.after, ['type'])
      out.push({ subject: 'action', change: 'changed', transition, position: next.afterIndex + 1, type: next.after.type, properties })
      i++
    } else if (op.op === 'remove') {
      out.push({ subject: 'action', change: 'removed', transition, position: op.beforeIndex + 1, type: op.before.type, properties: [] })
    } else if (op.op === 'add') {
      out.push({ subject: 'action', change: 'added', transition, position: op.afterIndex + 1, type: op.after.type, properties: [] })
    }
  }
}
