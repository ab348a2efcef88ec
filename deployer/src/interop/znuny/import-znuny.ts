import {
  API_VERSION,
  processDefinitionSchema,
  zodIssues,
  type Activity,
  type ActivityDialog,
  type ProcessDefinition,
  type ProcessState,
  type Transition,
  type TransitionAction,
} from '@ablauf/sdk/definition'
import { IdAllocator } from '../id-allocator.js'
import { importFailed } from '../import-error.js'
import { withTodos, type InteropWarning } from '../interop-warning.js'
import { importTransitionAction } from './znuny-action-import.js'
import { importTransitionCondition } from './znuny-condition-import.js'
import { importDialog } from './znuny-dialog-import.js'
import { completeFlow } from './znuny-flow-completion.js'
import { neverHolds } from './znuny-never-holds.js'
import { checkReferences, dialogRefs, outgoing, readingOrder } from './znuny-references.js'
import { readZnunyYaml } from './read-znuny-yaml.js'
import type { ZnunyProcessFile } from './znuny-schema.js'
import { actionKey, type ZnunyEntityIds } from './znuny-entity-ids.js'

/** The result of a Znuny/OTOBO import. */
export interface ZnunyImport {
  definition: ProcessDefinition
  /** Our ids → Znuny EntityIDs, so an export can reuse them and reports can name them. */
  entityIds: ZnunyEntityIds
  /** Every item that had no exact equivalent, by Znuny EntityID. */
  warnings: InteropWarning[]
}

export interface ZnunyImportOptions {
  /** The process id; default: the kebab-case form of the process name. */
  id?: string
}

const STATES: Record<string, ProcessState> = { active: 'active', inactive: 'inactive', fadeaway: 'fade-away', s1: 'active', s2: 'inactive', s3: 'fade-away' }

function processState(file: ZnunyProcessFile): ProcessState {
  const p = file.Process
  return STATES[p.State.replace(/[\s_-]/g, '').toLowerCase()] ?? STATES[p.StateEntityID.toLowerCase()] ?? 'active'
}

/** Default transition ids, exactly as the DSL assigns them: `<from>-to-<to>`, then `-2`, `-3`, … */
function defaultTransitionId(from: string, to: string, seen: Map<string, number>): string {
  const stem = `${from}-to-${to}`
  const n = (seen.get(stem) ?? 0) + 1
  seen.set(stem, n)
  return n === 1 ? stem : `${stem}-${n}`
}

/**
 * A parsed Znuny/OTOBO process export → a canonical definition, a map of our ids to Znuny EntityIDs
 * and the warnings for everything without an exact equivalent (also marked `TODO(znuny-import)` in the
 * definition's descriptions). What Ablauf needs and Znuny lacks (an end, a path to every activity) is
 * added as generated elements (see {@link completeFlow}). Dangling references fail with IMPORT_FAILED.
 */
export function importZnunyProcess(file: ZnunyProcessFile, options: ZnunyImportOptions = {}): ZnunyImport {
  const p = file.Process
  const warnings: InteropWarning[] = []
  const warn = (entityId: string, path: (string | number)[], message: string) => warnings.push({ entityId, path, message })
  const listed = checkReferences(file)
  const start = p.Config.StartActivity || listed[0]
  const order = readingOrder(file, listed, start)
  const processEntity = p.EntityID ?? 'Process'
  const entityIds: ZnunyEntityIds = { process: processEntity, activities: {}, dialogs: {}, transitions: {}, actions: {} }

  const activityIds = new IdAllocator('activity')
  const dialogIds = new IdAllocator('dialog')
  const idOf = new Map<string, string>()
  for (const eid of order) {
    const id = activityIds.allocate(file.Activities[eid]?.Name ?? eid)
    idOf.set(eid, id)
    entityIds.activities[id] = eid
  }

  let startDialog: string | undefined
  const activities: Activity[] = order.map((eid) => {
    const a = file.Activities[eid]
    const id = idOf.get(eid) as string
    const name = a?.Name.trim() || id
    const todos: string[] = []
    const dialogs: ActivityDialog[] = []
    for (const dref of a ? dialogRefs(a).ids : []) {
      const d = file.ActivityDialogs[dref]
      if (!d) continue
      const did = dialogIds.allocate(d.Name)
      entityIds.dialogs[did] = dref
      const r = importDialog(d, did)
      for (const u of r.unmapped) {
        warn(dref, ['ActivityDialogs', dref], u)
        todos.push(`dialog "${d.Name}" (${dref}): ${u}`)
      }
      dialogs.push(r.dialog)
      if (eid === start && dref === p.Config.StartActivityDialog) startDialog = did
    }
    const description = withTodos(undefined, todos)
    const base = { id, name, ...(description === undefined ? {} : { description }) }
    if (dialogs.length > 0) return { ...base, kind: 'user', dialogs }
    return { ...base, kind: outgoing(file, eid).length > 0 ? 'wait' : 'end' }
  })
  if (p.Config.StartActivityDialog && startDialog === undefined) {
    warn(p.Config.StartActivityDialog, ['Process', 'Config', 'StartActivityDialog'], 'the start dialog is not a dialog of the start activity; the process starts without a start dialog')
  }

  const transitions: Transition[] = []
  const seen = new Map<string, number>()
  for (const eid of order) {
    for (const { transitionEntityId: teid, step } of outgoing(file, eid)) {
      const zt = file.Transitions[teid]
      if (!zt) continue
      const from = idOf.get(eid) as string
      const to = idOf.get(step.ActivityEntityID) as string
      const id = defaultTransitionId(from, to, seen)
      entityIds.transitions[id] = teid
      const todos: string[] = []
      const cond = importTransitionCondition(zt)
      for (const u of cond.unmapped) {
        warn(teid, ['Transitions', teid, 'Config', 'Condition'], u)
        todos.push(`${teid}: ${u}`)
      }
      const actions: TransitionAction[] = []
      for (const taId of step.TransitionAction) {
        const ta = file.TransitionActions[taId]
        if (!ta) continue
        const r = importTransitionAction(ta)
        for (const u of r.unmapped) {
          warn(taId, ['TransitionActions', taId, 'Config'], u)
          todos.push(`${taId} "${ta.Name}": ${u}`)
        }
        for (const a of r.actions) {
          entityIds.actions[actionKey(id, actions.length)] = taId
          actions.push(a)
        }
      }
      const description = withTodos(undefined, todos)
      transitions.push({
        id,
        from,
        to,
        // The exporter writes the id as Name when a transition has none.
        ...(zt.Name.trim() && zt.Name.trim() !== id ? { name: zt.Name.trim().slice(0, 200) } : {}),
        ...(description === undefined ? {} : { description }),
        ...(cond.condition === undefined ? {} : { condition: cond.condition }),
        actions,
      })
    }
  }

  const flow = completeFlow(
    { activities, transitions, start: (start && idOf.get(start)) || (activities[0]?.id ?? '') },
    {
      processEntity,
      entityOf: (id) => entityIds.activities[id],
      allocateActivityId: (name) => activityIds.allocate(name),
      transitionId: (from, to) => defaultTransitionId(from, to, seen),
    },
  )
  warnings.push(...flow.warnings)
  const raw = {
    apiVersion: API_VERSION,
    id: options.id ?? (new IdAllocator('process').allocate(p.Name) || 'process'),
    name: p.Name.trim() || 'Imported process',
    ...(p.Config.Description ? { description: p.Config.Description } : {}),
    state: processState(file),
    start: flow.neverStarts
      ? { on: 'ticket.created', activity: flow.start, when: neverHolds(), priority: 0 }
      : { on: 'manual', activity: flow.start, ...(startDialog === undefined ? {} : { dialog: startDialog }), priority: 0 },
    activities: flow.activities,
    transitions: flow.transitions,
  }
  const parsed = processDefinitionSchema.safeParse(raw)
  if (!parsed.success) {
    const issues = zodIssues(parsed.error)
    throw importFailed(`the imported process is not a valid definition: ${issues[0]?.path.join('.')}: ${issues[0]?.message}`, ['Process'], issues)
  }
  return { definition: parsed.data, entityIds, warnings }
}

/**
 * Imports the text of a Znuny/OTOBO process export (YAML).
 *
 * @example
 * ```ts
 * const { definition, warnings } = importZnunyYaml(await readFile('Book_ordering.yml', 'utf8'))
 * ```
 */
export function importZnunyYaml(text: string, options: ZnunyImportOptions = {}): ZnunyImport {
  return importZnunyProcess(readZnunyYaml(text), options)
}
