import { API_VERSION, processDefinitionSchema, type ProcessDefinition } from '../definition/definition-schema.js'
import { zodIssues } from '../definition/parse-definition.js'
import { markParsedDefinition } from '../definition/parsed-definitions.js'
import { AblaufError, type Issue } from '../errors.js'
import type { ActivityDraft } from './activity-drafts.js'
import type { ProcessOptions, TransitionOptions } from './process-builder.js'

/** A transition as declared; its id is settled when the definition is assembled. */
export interface TransitionDraft extends TransitionOptions {
  from: string
  to: string
}

/** What a builder declared, in declaration order: the input of {@link assembleDefinition}. */
export interface ProcessDraft {
  readonly id: string
  readonly options: ProcessOptions
  readonly activities: readonly ActivityDraft[]
  readonly transitions: readonly TransitionDraft[]
}

/** Explicit ids win; the rest are `<from>-to-<to>`, then `-2`, `-3`, … in declaration order. */
function transitionIds(transitions: readonly TransitionDraft[]): string[] {
  const taken = new Set(transitions.flatMap((t) => (t.id === undefined ? [] : [t.id])))
  const seen = new Map<string, number>()
  return transitions.map((t) => {
    if (t.id !== undefined) return t.id
    const stem = `${t.from}-to-${t.to}`
    let n = seen.get(stem) ?? 0
    let id: string
    do {
      n += 1
      id = n === 1 ? stem : `${stem}-${n}`
    } while (taken.has(id))
    seen.set(stem, n)
    taken.add(id)
    return id
  })
}

function issue(code: string, path: Issue['path'], message: string): Issue {
  return { code, path, message, severity: 'error' }
}

/** What the DSL knows is wrong beyond the schema: dangling references and duplicate ids. */
function referenceIssues(draft: ProcessDraft, ids: readonly string[]): Issue[] {
  const issues: Issue[] = []
  const activities = new Map(draft.activities.map((a) => [a.id, a]))
  const start = draft.options.start
  const startId = start.activity ?? draft.activities[0]?.id
  if (start.activity !== undefined && !activities.has(start.activity)) {
    issues.push(issue('UNKNOWN_ACTIVITY', ['start', 'activity'], `start activity "${start.activity}" is not declared`))
  }
  if (start.on === 'manual' && start.dialog !== undefined && startId !== undefined) {
    const a = activities.get(startId)
    const dialogs = a?.kind === 'user' ? a.dialogs.map((d) => d.id) : []
    if (a !== undefined && !dialogs.includes(start.dialog)) {
      const known = dialogs.length ? `; its dialogs are ${dialogs.map((d) => `"${d}"`).join(', ')}` : ''
      issues.push(issue('UNKNOWN_DIALOG', ['start', 'dialog'], `start dialog "${start.dialog}" is not a dialog of start activity "${startId}"${known}`))
    }
  }
  const dialogIds = new Set<string>()
  draft.activities.forEach((a, i) => {
    if (a.kind !== 'user') return
    a.dialogs.forEach((d, j) => {
      if (dialogIds.has(d.id)) issues.push(issue('DUPLICATE_DIALOG', ['activities', i, 'dialogs', j, 'id'], `dialog id "${d.id}" is used twice`))
      dialogIds.add(d.id)
    })
  })
  const transitionSeen = new Set<string>()
  draft.transitions.forEach((t, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!activities.has(t[end])) {
        issues.push(issue('UNKNOWN_ACTIVITY', ['transitions', i, end], `transition ${end} "${t[end]}": no such activity`))
      }
    }
    const id = ids[i] ?? ''
    if (transitionSeen.has(id)) issues.push(issue('DUPLICATE_TRANSITION', ['transitions', i, 'id'], `transition id "${id}" is used twice`))
    transitionSeen.add(id)
  })
  return issues
}

function describe(processId: string, issues: readonly Issue[]): string {
  const lines = issues.slice(0, 5).map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`)
  const more = issues.length > 5 ? [`  … and ${issues.length - 5} more`] : []
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`
  return [`process "${processId}" has ${count}:`, ...lines, ...more].join('\n')
}

/**
 * Builds the canonical definition from a draft, deep-frozen; throws `DEFINITION_INVALID` with every
 * issue.
 */
export function assembleDefinition(draft: ProcessDraft): ProcessDefinition {
  const { options } = draft
  const ids = transitionIds(draft.transitions)
  const { activity, ...start } = options.start
  const raw = {
    apiVersion: API_VERSION,
    id: draft.id,
    name: options.name,
    ...(options.description === undefined ? {} : { description: options.description }),
    state: options.state,
    start: { ...start, activity: activity ?? draft.activities[0]?.id },
    activities: draft.activities,
    transitions: draft.transitions.map(({ when, ...t }, i) => ({
      ...t,
      id: ids[i],
      ...(when === undefined ? {} : { condition: when }),
    })),
  }
  const parsed = processDefinitionSchema.safeParse(raw)
  const issues = [...referenceIssues(draft, ids), ...(parsed.success ? [] : zodIssues(parsed.error))]
  if (issues.length > 0 || !parsed.success) {
    throw new AblaufError('DEFINITION_INVALID', describe(draft.id, issues), { issues })
  }
  return markParsedDefinition(parsed.data)
}
