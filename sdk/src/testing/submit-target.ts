import { AblaufError } from '../errors.js'
import type { ActivityDialog, UserActivity } from '../definition/index.js'
import type { Waiting } from '../runtime/runtime-types.js'
import type { SimulatedInstance, SubmitInput } from './scenario-types.js'

/** Which instance, activity and dialog a simulated submit goes to. */
export interface SubmitTarget {
  instanceId: string
  activity: UserActivity
  dialog: ActivityDialog
}

/**
 * Finds the open user task a submit means, or throws a `WRONG_ACTIVITY` error that says where the
 * process is instead and how it got there — the message a failing process test should show.
 */
export function findSubmitTarget(instances: readonly SimulatedInstance[], input: SubmitInput): SubmitTarget {
  const open = instances.filter((s) => s.instance.status === 'running' && s.instance.waiting?.for === 'dialog')
  const candidates = input.activity === undefined ? open : open.filter((s) => s.instance.activity === input.activity)
  const sim = candidates.at(-1)
  if (sim === undefined || (input.activity === undefined && candidates.length > 1)) {
    const root = instances[0]
    const wanted = input.activity === undefined ? 'a dialog' : `"${input.activity}"`
    const tasks = open.map((s) => `"${s.instance.activity ?? ''}"`).join(', ') || 'none'
    const where = root === undefined ? 'not started' : describe(root)
    const path = root?.path.join(' → ') ?? ''
    throw new AblaufError('WRONG_ACTIVITY', `cannot submit ${wanted}: the process ${where}; open tasks: ${tasks}; path so far: ${path}`, {
      activity: input.activity ?? null,
      openTasks: open.map((s) => s.instance.activity),
      path: root?.path ?? [],
    })
  }
  const activity = sim.definition.activities.find((a) => a.id === sim.instance.activity)
  if (activity?.kind !== 'user') throw new AblaufError('WRONG_ACTIVITY', `"${sim.instance.activity ?? ''}" is not a user task`)
  return { instanceId: sim.instance.id, activity, dialog: pickDialog(activity, input) }
}

function pickDialog(activity: UserActivity, input: SubmitInput): ActivityDialog {
  if (input.dialog !== undefined) {
    const dialog = activity.dialogs.find((d) => d.id === input.dialog)
    if (dialog === undefined) {
      throw new AblaufError('BAD_REQUEST', `activity "${activity.id}" has no dialog "${input.dialog}"; it has ${activity.dialogs.map((d) => `"${d.id}"`).join(', ')}`)
    }
    return dialog
  }
  const sent = [...Object.keys(input.values ?? {}), ...(input.article === undefined ? [] : ['Article'])]
  const fits = activity.dialogs.find((d) => sent.every((f) => d.fields.some((df) => df.field === f)))
  const dialog = fits ?? activity.dialogs[0]
  if (dialog === undefined) throw new AblaufError('DEFINITION_INVALID', `activity "${activity.id}" has no dialog`)
  return dialog
}

function describe(sim: SimulatedInstance): string {
  const { status, activity, waiting } = sim.instance
  if (status !== 'running') return `is ${status}${activity === null ? '' : ` at "${activity}"`}`
  return `is at "${activity ?? ''}"${waiting === null ? '' : ` (${waitingText(waiting)})`}`
}

function waitingText(waiting: Waiting): string {
  return waiting.for === 'condition' ? 'waiting for a condition to hold' : `waiting for its ${waiting.for}`
}
