import type { ActivityDialog, ProcessDefinition } from '@ablauf/sdk/definition'
import type { TargetSnapshot } from '@ablauf/sdk/target'
import type { OpenTaskWithTicket, UserTaskRow } from '../store/store-rows.js'
import { dialogFieldSpec } from './dialog-field-spec.js'

/** Who a list is for: an interface, or undefined for admin/read (who see every dialog). */
export type TaskAudience = 'agent' | 'customer' | undefined

/** What a listed task adds to its row: the names, and its dialogs (each field with its spec) as JSON text. */
interface TaskView {
  processName: string
  activityName: string
  dialogsJson: string
}

/** Views per definition are few (activity × audience); this only guards against a pathological one. */
const MAX_VIEWS_PER_DEFINITION = 256

/** The dialogs of the task's activity offered to `ui`, each field with the spec a form needs. */
function dialogsOf(definition: ProcessDefinition, task: UserTaskRow, ui: TaskAudience, target: TargetSnapshot) {
  const activity = definition.activities.find((a) => a.id === task.activity)
  if (activity?.kind !== 'user') return []
  const allowed = new Set(task.dialogs.filter((d) => ui === undefined || d.interface.includes(ui)).map((d) => d.id))
  return activity.dialogs
    .filter((d: ActivityDialog) => allowed.has(d.id) && (ui === undefined || d.interface.includes(ui)))
    .map((d) => ({ ...d, fields: d.fields.map((f) => ({ ...f, spec: dialogFieldSpec(f, target, ui ?? 'agent') })) }))
}

/**
 * Writes the body of `GET /tasks`: `{ tasks: [{ ...row, processName, activityName, ticket, dialogs }] }`.
 * The dialogs with their field specs are most of a task's bytes and the same for every task of an
 * activity, so each is built and stringified once per (immutable) definition, activity, audience and
 * offered dialogs, and spliced into each task's JSON where the row has its `dialogs`.
 */
export function taskListJson(target: TargetSnapshot) {
  const views = new WeakMap<ProcessDefinition, Map<string, TaskView>>()

  const viewOf = (definition: ProcessDefinition | undefined, task: UserTaskRow, ui: TaskAudience): TaskView => {
    if (definition === undefined) return { processName: task.processId, activityName: task.activity, dialogsJson: '[]' }
    let byKey = views.get(definition)
    if (byKey === undefined || byKey.size >= MAX_VIEWS_PER_DEFINITION) {
      byKey = new Map()
      views.set(definition, byKey)
    }
    let key = `${task.activity}\n${ui ?? ''}`
    for (const d of task.dialogs) key += `\n${d.id}\t${d.interface.join(',')}`
    let view = byKey.get(key)
    if (view === undefined) {
      view = {
        processName: definition.name,
        activityName: definition.activities.find((a) => a.id === task.activity)?.name ?? task.activity,
        dialogsJson: JSON.stringify(dialogsOf(definition, task, ui, target)),
      }
      byKey.set(key, view)
    }
    return view
  }

  /** The JSON text of the list; `definitionOf` gives each row's process version (undefined when gone). */
  return (rows: readonly OpenTaskWithTicket[], definitionOf: (task: UserTaskRow) => ProcessDefinition | undefined, ui: TaskAudience): string => {
    const parts: string[] = []
    for (const row of rows) {
      const view = viewOf(definitionOf(row), row, ui)
      // Key by key rather than one stringify of `{ ...row, … }`: V8 stringifies spread copies several times slower.
      let text = '{'
      for (const key of Object.keys(row) as (keyof OpenTaskWithTicket)[]) {
        if (key === 'ticket') continue
        const value = key === 'dialogs' ? view.dialogsJson : JSON.stringify(row[key])
        if (value !== undefined) text += `${JSON.stringify(key)}:${value},`
      }
      parts.push(`${text}"processName":${JSON.stringify(view.processName)},"activityName":${JSON.stringify(view.activityName)},"ticket":${JSON.stringify(row.ticket)}}`)
    }
    return `{"tasks":[${parts.join(',')}]}`
  }
}
