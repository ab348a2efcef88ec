import type { Activity, ProcessDefinition, Transition } from '@ablauf/sdk/definition'

/**
 * What the import adds so that a Znuny process is a valid Ablauf definition — an end after a last user
 * task, a link to an activity no transition reaches, the frame of an empty process — carries this
 * marker as the first line of its description. Export leaves such activities and transitions out, so
 * YAML → definition → YAML adds no entity. Deleting the line adopts the element as the author's own.
 */
export const GENERATED_MARKER = 'GENERATED(znuny-import):'

/** The description of a generated element. */
export function generatedDescription(why: string): string {
  return `${GENERATED_MARKER} ${why}`
}

/** Whether the import added this activity or transition. */
export function isGenerated(element: { description?: string | undefined }): boolean {
  return element.description?.startsWith(GENERATED_MARKER) ?? false
}

/**
 * The activities and transitions an export writes: generated transitions left out, and generated
 * activities unless a remaining transition still leads to or from them.
 */
export function znunyElements(def: ProcessDefinition): { activities: Activity[]; transitions: Transition[] } {
  const transitions = def.transitions.filter((t) => !isGenerated(t))
  const used = new Set(transitions.flatMap((t) => [t.from, t.to]))
  return { activities: def.activities.filter((a) => !isGenerated(a) || used.has(a.id)), transitions }
}
