import type { ChangeKind, PlanSummary, RunningInstances, SemanticChange } from './plan-types.js'

/** One semantic change in words: a sign, the thing that changed and which properties. */
export interface ChangeText {
  sign: '+' | '-' | '~'
  change: ChangeKind
  subject: string
  properties: string[]
  /** Nested under its transition (conditions and actions). */
  nested: boolean
}

const SIGN: Record<ChangeKind, ChangeText['sign']> = { added: '+', removed: '-', changed: '~' }

const TRANSITION_LABELS: Record<string, string> = { to: 'target', from: 'source', on: 'error path' }

/** Words for one change; shared by the text and Markdown renderers so they say the same thing. */
export function changeText(c: SemanticChange): ChangeText {
  const base = { sign: SIGN[c.change], change: c.change }
  switch (c.subject) {
    case 'process':
      return { ...base, subject: 'process', properties: c.properties, nested: false }
    case 'activity':
      return { ...base, subject: `activity ${c.activity} (${c.kind})`, properties: c.properties, nested: false }
    case 'dialog':
      return { ...base, subject: `dialog ${c.activity}/${c.dialog}`, properties: c.properties, nested: false }
    case 'dialog-field':
      return { ...base, subject: `field ${c.field} of dialog ${c.activity}/${c.dialog}`, properties: c.properties, nested: false }
    case 'transition':
      return {
        ...base,
        subject: `transition ${c.transition} (${c.from} → ${c.to})`,
        properties: c.properties.map((p) => TRANSITION_LABELS[p] ?? p),
        nested: false,
      }
    case 'condition':
      return { ...base, subject: `condition ${c.change}`, properties: [], nested: true }
    case 'action':
      return { ...base, subject: `action ${c.position} ${c.type}`, properties: c.properties, nested: true }
  }
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`
}

/** "1 to create, 2 to update, 0 to fade away — 37 running tickets stay on old versions" */
export function summaryLine(s: PlanSummary): string {
  const counts = `${s.create} to create, ${s.update} to update, ${s.fadeAway} to fade away`
  const tickets =
    s.runningOnOldVersions === 0
      ? 'no running tickets on old versions'
      : `${plural(s.runningOnOldVersions, 'running ticket')} ${s.runningOnOldVersions === 1 ? 'stays' : 'stay'} on old versions`
  return `${counts} — ${tickets}`
}

/** "12 running tickets stay: v3 (confirm 10, check 2); v2 (review 1)" */
export function runningText(r: RunningInstances): string {
  if (r.total === 0) return 'no running tickets'
  const versions = r.versions.map(
    (v) => `${versionLabel(v.version)} (${v.activities.map((a) => `${a.activity} ${a.count}`).join(', ')})`,
  )
  return `${plural(r.total, 'running ticket')} ${r.total === 1 ? 'stays' : 'stay'}: ${versions.join('; ')}`
}

/** `3` → `v3`; a content hash → its first 12 digits. */
export function versionLabel(version: string | number | null): string {
  if (version === null) return 'no active version'
  const text = String(version)
  return /^\d+$/.test(text) ? `v${text}` : text.slice(0, 12)
}

export { plural }
