/**
 * Our ids → Znuny EntityIDs of one process, from an import. An export given this map reuses the
 * EntityIDs, so a process can travel Znuny → Ablauf → Znuny and keep its identity.
 * `actions` is keyed `<transitionId>#<index of the action in the transition>`; several of our actions
 * may share one EntityID (a Znuny DynamicFieldSet that set several fields).
 */
export interface ZnunyEntityIds {
  process: string
  activities: Record<string, string>
  dialogs: Record<string, string>
  transitions: Record<string, string>
  actions: Record<string, string>
}

/** The key of an action in {@link ZnunyEntityIds.actions}. */
export function actionKey(transitionId: string, index: number): string {
  return `${transitionId}#${index}`
}
