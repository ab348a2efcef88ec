import { stringify } from 'yaml'
import type { Activity, ProcessDefinition, Transition } from '@ablauf/sdk/definition'
import { todosOf, type InteropWarning } from '../interop-warning.js'
import { exportAction, mergeDynamicFieldSets, type ZnunyActionContent } from './znuny-action-export.js'
import { exportCondition } from './znuny-condition-export.js'
import { exportDialog } from './znuny-dialog-export.js'
import { entityIdFor } from './znuny-entity-id-generator.js'
import { znunyElements } from './znuny-generated.js'
import { actionKey, type ZnunyEntityIds } from './znuny-entity-ids.js'
import type { TagFlavor } from './znuny-tags.js'

export interface ZnunyExportOptions {
  /** Tag prefix for placeholders: `otrs` (Znuny, default) or `otobo`. */
  tags?: TagFlavor
  /** EntityIDs from an earlier import, reused where they still fit. */
  entityIds?: ZnunyEntityIds
}

export interface ZnunyExport {
  yaml: string
  /** The same, as data. */
  document: Record<string, unknown>
  /** What Znuny cannot represent, by our id. */
  warnings: InteropWarning[]
}

const STATES = { active: ['Active', 'S1'], inactive: ['Inactive', 'S2'], 'fade-away': ['FadeAway', 'S3'] } as const
const KIND_NOTE: Partial<Record<Activity['kind'], (a: Activity) => string>> = {
  script: (a) => `a script task (script "${a.kind === 'script' ? a.script : ''}")`,
  service: (a) => `a service task (${a.kind === 'service' ? `${a.webService} / ${a.invoker}` : ''})`,
  subprocess: (a) => `a sub-process (process "${a.kind === 'subprocess' ? a.process : ''}")`,
}

/** Text beyond TODO lines, i.e. something an author wrote. */
function authored(description: string | undefined): boolean {
  return (description ?? '').split('\n').some((l) => l.trim() !== '' && !l.startsWith('TODO(znuny-import):'))
}

/** Hands out EntityIDs: reused from an import where unique and identical in content, else generated. */
class EntityRegistry {
  readonly entries = new Map<string, string>()
  /** Returns `preferred` when it is free or holds the same content, else `fallback`. */
  claim(preferred: string | undefined, fallback: string, content: unknown): string {
    const json = JSON.stringify(content)
    for (const id of preferred === undefined ? [fallback] : [preferred, fallback]) {
      const had = this.entries.get(id)
      if (had === undefined || had === json) {
        this.entries.set(id, json)
        return id
      }
    }
    return fallback
  }
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(record).sort().map((k) => [k, record[k] as T]))
}

/**
 * A definition → a Znuny / OTOBO process export (YAML) that both import: the structure of their own
 * exports, stable EntityIDs, Display values, conditions, action modules with their Config keys,
 * placeholders as tags. Kinds Znuny lacks become plain activities; every loss is a warning. What a
 * Znuny import generated (marked GENERATED) is left out, so a round trip adds no entity.
 *
 * @example
 * ```ts
 * const { yaml, warnings } = exportZnuny(definition, { tags: 'otobo' })
 * ```
 */
export function exportZnuny(def: ProcessDefinition, options: ZnunyExportOptions = {}): ZnunyExport {
  const flavor = options.tags ?? 'otrs'
  const reuse = options.entityIds
  const warnings: InteropWarning[] = []
  const warn = (entityId: string, path: (string | number)[], message: string) => warnings.push({ entityId, path, message })
  const reg = new EntityRegistry()
  const processEid = reg.claim(reuse?.process, entityIdFor.process(def.id), 'process')
  const descriptionNotes: string[] = []
  const kept = znunyElements(def)

  const activityEid = new Map<string, string>()
  const dialogEid = new Map<string, string>()
  const activities: Record<string, unknown> = {}
  const dialogs: Record<string, unknown> = {}
  kept.activities.forEach((a) => {
    const i = def.activities.indexOf(a)
    const eid = reg.claim(reuse?.activities[a.id], entityIdFor.activity(def.id, a.id), `activity:${a.id}`)
    activityEid.set(a.id, eid)
    const note = KIND_NOTE[a.kind]
    if (note) {
      warn(a.id, ['activities', i], `${a.kind} activity exported as a plain Znuny activity; Znuny has no ${a.kind} tasks`)
      descriptionNotes.push(`Ablauf: activity "${a.name}" is ${note(a)}; in Znuny it is a plain activity.`)
    }
    if (authored(a.description)) warn(a.id, ['activities', i, 'description'], 'Znuny activities have no description; left out')
    const refs: string[] = []
    if (a.kind === 'user') {
      for (const d of a.dialogs) {
        const content = exportDialog(d)
        if (d.permission !== undefined) {
          warn(d.id, ['activities', i, 'dialogs', a.dialogs.indexOf(d), 'permission'], `Znuny's dialog Permission is a permission type on the ticket, not a role; role "${d.permission}" left out`)
        }
        const did = reg.claim(reuse?.dialogs[d.id], entityIdFor.dialog(def.id, d.id), content)
        dialogEid.set(d.id, did)
        dialogs[did] = { Config: content.Config, EntityID: did, Name: content.Name }
        refs.push(did)
      }
    }
    activities[eid] = {
      ActivityDialogs: refs,
      Config: { ActivityDialog: Object.fromEntries(refs.map((r, j) => [String(j + 1), r])) },
      EntityID: eid,
      Name: a.name,
    }
  })

  const byFrom = new Map<string, Transition[]>()
  for (const t of kept.transitions) byFrom.set(t.from, [...(byFrom.get(t.from) ?? []), t])
  const path: Record<string, Record<string, unknown>> = {}
  const transitions: Record<string, unknown> = {}
  const actions: Record<string, unknown> = {}
  const transitionList: string[] = []
  const actionList: string[] = []
  for (const a of kept.activities) {
    const from = activityEid.get(a.id) as string
    const steps: Record<string, unknown> = {}
    const outgoing = byFrom.get(a.id) ?? []
    const reused = outgoing.map((t) => reuse?.transitions[t.id])
    const keepOrder = reused.every((r, i) => r !== undefined && (i === 0 || (reused[i - 1] as string) < r))
    outgoing.forEach((t, index) => {
      const at = ['transitions', def.transitions.indexOf(t)]
      const cond = exportCondition(t.condition, flavor)
      for (const u of cond.unmapped) warn(t.id, [...at, 'condition'], u)
      if (t.on === 'error') warn(t.id, [...at, 'on'], 'Znuny has no error paths; exported as an ordinary transition')
      if (authored(t.description)) warn(t.id, [...at, 'description'], 'Znuny transitions have no description; left out')
      const content = { Config: cond.config, Name: t.name ?? t.id }
      const generated = entityIdFor.transition(def.id, t.id, index)
      const teid = reg.claim(keepOrder ? reused[index] : undefined, generated, content)
      if (!transitions[teid]) transitionList.push(teid)
      transitions[teid] = { ...content, EntityID: teid }
      const taIds = exportActions(t, at).map(({ preferred, content: c, index: i }) => {
        const taid = reg.claim(preferred, entityIdFor.action(def.id, t.id, i), c)
        actions[taid] = { Config: c.Config, EntityID: taid, Name: c.Name }
        actionList.push(taid)
        return taid
      })
      steps[teid] = { ActivityEntityID: activityEid.get(t.to), ...(taIds.length > 0 ? { TransitionAction: taIds } : {}) }
    })
    path[from] = sortKeys(steps)
  }

  function exportActions(t: Transition, at: (string | number)[]) {
    const out: { preferred: string | undefined; content: ZnunyActionContent; index: number }[] = []
    let merging: { preferred: string; parts: ZnunyActionContent[]; name: string | undefined; index: number } | undefined
    const flush = () => {
      if (merging) out.push({ preferred: merging.preferred, content: merging.parts.length > 1 ? mergeDynamicFieldSets(merging.parts, merging.name) : (merging.parts[0] as ZnunyActionContent), index: merging.index })
      merging = undefined
    }
    t.actions.forEach((action, i) => {
      const r = exportAction(action, flavor)
      for (const n of r.notes) warn(t.id, [...at, 'actions', i], n)
      if (!r.content) return
      const preferred = reuse?.actions[actionKey(t.id, i)]
      const dfs = action.type === 'setDynamicField' || action.type === 'removeDynamicField'
      if (dfs && preferred !== undefined && merging?.preferred === preferred && merging.name === action.name) {
        merging.parts.push(r.content)
        return
      }
      flush()
      if (dfs && preferred !== undefined) merging = { preferred, parts: [r.content], name: action.name, index: i }
      else out.push({ preferred, content: r.content, index: i })
    })
    flush()
    return out
  }

  // Undefined when the start was generated: the frame of an empty Znuny process, which had no start to lose.
  const startEid = activityEid.get(def.start.activity)
  const startActivity = def.activities.find((a) => a.id === def.start.activity)
  const startDialog = def.start.on === 'manual' && def.start.dialog ? dialogEid.get(def.start.dialog) : undefined
  if (startEid !== undefined && def.start.on === 'ticket.created') {
    warn(def.id, ['start'], 'Znuny starts processes from a start dialog, not on ticket creation; the trigger and its condition are not exported')
  }
  if (def.start.priority !== 0) warn(def.id, ['start', 'priority'], 'Znuny has no start priority; left out')
  if (startEid !== undefined && startDialog === undefined) {
    const hint = startActivity?.kind === 'user' ? '; set start.dialog' : ''
    warn(def.id, ['start'], `no start dialog, so Znuny cannot start this process from its UI${hint}`)
  }

  const [state, stateEid] = STATES[def.state]
  const layout = Object.fromEntries(
    kept.activities.map((a, i) => [activityEid.get(a.id) as string, { left: String(100 + 300 * (i % 4)), top: String(100 + 200 * Math.floor(i / 4)) }]),
  )
  const description = [def.description, ...descriptionNotes].filter((s) => s !== undefined && s !== '').join('\n\n')
  const document = {
    Activities: sortKeys(activities),
    ActivityDialogs: sortKeys(dialogs),
    Process: {
      Activities: kept.activities.map((a) => activityEid.get(a.id) as string),
      Config: { Description: description, Path: path, StartActivity: startEid ?? '', StartActivityDialog: startDialog ?? '' },
      EntityID: processEid,
      Layout: layout,
      Name: def.name,
      State: state,
      StateEntityID: stateEid,
      TransitionActions: actionList,
      Transitions: transitionList,
    },
    TransitionActions: sortKeys(actions),
    Transitions: sortKeys(transitions),
  }
  return { yaml: `---\n${stringify(document, { lineWidth: 0 })}`, document, warnings }
}
