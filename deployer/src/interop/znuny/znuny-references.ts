import { importFailed } from '../import-error.js'
import type { ZnunyActivity, ZnunyPathStep, ZnunyProcessFile } from './znuny-schema.js'

/** One outgoing path entry of an activity: transition, target and its transition actions. */
export interface ZnunyStep {
  transitionEntityId: string
  step: ZnunyPathStep
}

/** The activity's dialog EntityIDs in Znuny's order (Config.ActivityDialog by number, else the list). */
export function dialogRefs(a: ZnunyActivity): { ids: string[]; path: (string | number)[] } {
  const config = a.Config?.ActivityDialog
  if (config && !Array.isArray(config) && Object.keys(config).length > 0) {
    const keys = Object.keys(config).sort((x, y) => Number(x) - Number(y) || x.localeCompare(y))
    return { ids: keys.map((k) => config[k] ?? ''), path: ['Config', 'ActivityDialog'] }
  }
  if (Array.isArray(config) && config.length > 0) return { ids: config, path: ['Config', 'ActivityDialog'] }
  return { ids: a.ActivityDialogs, path: ['ActivityDialogs'] }
}

/**
 * Checks every reference of the export — activities, dialogs, transitions, transition actions, start
 * activity and dialog — and throws IMPORT_FAILED with the path of the first dangling one. Returns the
 * process's activity EntityIDs (listed ones, then any only reachable through Path).
 */
export function checkReferences(file: ZnunyProcessFile): string[] {
  const p = file.Process
  const ids: string[] = []
  const add = (id: string) => {
    if (!ids.includes(id)) ids.push(id)
  }
  p.Activities.forEach((id, i) => {
    if (!file.Activities[id]) throw importFailed(`activity "${id}" is listed but not defined under Activities`, ['Process', 'Activities', i])
    add(id)
  })
  for (const [from, steps] of Object.entries(p.Config.Path)) {
    if (!file.Activities[from]) throw importFailed(`Path starts at activity "${from}", which is not defined under Activities`, ['Process', 'Config', 'Path', from])
    add(from)
    for (const [t, step] of Object.entries(steps)) {
      const at = ['Process', 'Config', 'Path', from, t]
      if (!file.Transitions[t]) throw importFailed(`transition "${t}" is not defined under Transitions`, at)
      if (!file.Activities[step.ActivityEntityID]) {
        throw importFailed(`transition "${t}" leads to activity "${step.ActivityEntityID}", which is not defined under Activities`, [...at, 'ActivityEntityID'])
      }
      add(step.ActivityEntityID)
      step.TransitionAction.forEach((ta, i) => {
        if (!file.TransitionActions[ta]) throw importFailed(`transition action "${ta}" is not defined under TransitionActions`, [...at, 'TransitionAction', i])
      })
    }
  }
  for (const id of ids) {
    const a = file.Activities[id]
    if (!a) continue
    const refs = dialogRefs(a)
    refs.ids.forEach((d, i) => {
      if (!file.ActivityDialogs[d]) throw importFailed(`dialog "${d}" of activity "${id}" is not defined under ActivityDialogs`, ['Activities', id, ...refs.path, i])
    })
  }
  const start = p.Config.StartActivity
  if (start && !file.Activities[start]) throw importFailed(`start activity "${start}" is not defined under Activities`, ['Process', 'Config', 'StartActivity'])
  if (start) add(start)
  const startDialog = p.Config.StartActivityDialog
  if (startDialog && !file.ActivityDialogs[startDialog]) {
    throw importFailed(`start dialog "${startDialog}" is not defined under ActivityDialogs`, ['Process', 'Config', 'StartActivityDialog'])
  }
  return ids
}

/** The outgoing steps of an activity, sorted by transition EntityID as Znuny evaluates them. */
export function outgoing(file: ZnunyProcessFile, activity: string): ZnunyStep[] {
  const steps = file.Process.Config.Path[activity] ?? {}
  return Object.keys(steps)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((t) => ({ transitionEntityId: t, step: steps[t] as ZnunyPathStep }))
}

/** Activities in reading order: breadth-first from the start, then the rest in listed order. */
export function readingOrder(file: ZnunyProcessFile, activities: readonly string[], start: string | undefined): string[] {
  const order: string[] = []
  const queue = start ? [start] : []
  while (queue.length > 0) {
    const a = queue.shift() as string
    if (order.includes(a)) continue
    order.push(a)
    for (const s of outgoing(file, a)) queue.push(s.step.ActivityEntityID)
  }
  for (const a of activities) if (!order.includes(a)) order.push(a)
  return order
}
