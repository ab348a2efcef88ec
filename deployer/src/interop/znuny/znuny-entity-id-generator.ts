import { createHash } from 'node:crypto'

function hex(...parts: string[]): string {
  return createHash('md5').update(parts.join('\u0000')).digest('hex')
}

/**
 * Stable Znuny EntityIDs for an exported definition: the same process and element ids give the same
 * EntityIDs in every export (`Activity-` + 32 hex digits of an md5 over process id and activity id).
 * Transition ids start with a zero-padded index so that Znuny, which tries an activity's transitions
 * sorted by EntityID, tries them in the author's order.
 */
export const entityIdFor = {
  process: (processId: string) => `Process-${hex(processId, 'process')}`,
  activity: (processId: string, id: string) => `Activity-${hex(processId, 'activity', id)}`,
  dialog: (processId: string, id: string) => `ActivityDialog-${hex(processId, 'dialog', id)}`,
  transition: (processId: string, id: string, index: number) =>
    `Transition-${index.toString(16).padStart(4, '0')}${hex(processId, 'transition', id).slice(0, 28)}`,
  action: (processId: string, transitionId: string, index: number) => `TransitionAction-${hex(processId, 'action', transitionId, String(index))}`,
}
