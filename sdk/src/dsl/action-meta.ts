import type { TransitionAction } from '../definition/action-schema.js'

/**
 * Optional metadata of an action: a `name` shown in history and plans. Helpers without an options
 * object take it as a trailing argument.
 *
 * @example
 * ```ts
 * setQueue('Hardware', { name: 'Route to hardware' })
 * ```
 */
export interface ActionMeta {
  name?: string
}

/**
 * The action of type `T`, e.g. `ActionOf<'setQueue'>`.
 *
 * @example
 * ```ts
 * const a: ActionOf<'setQueue'> = setQueue('Hardware')
 * ```
 */
export type ActionOf<T extends TransitionAction['type']> = Extract<TransitionAction, { type: T }>

/** Adds `name` only when given, so the plain value has no `undefined` keys. */
export function named<A extends TransitionAction>(action: A, meta: ActionMeta | undefined): A {
  return meta?.name === undefined ? action : { ...action, name: meta.name }
}

/** Drops keys whose value is `undefined` (definitions are JSON; JSON has no `undefined`). */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
