import type { z } from 'zod'
import type { FieldValue } from '@ablauf/sdk/definition'
import type { RuntimeEnv, TicketSnapshot } from '@ablauf/sdk/runtime'

/** What a script sees: the ticket as it is inside the step's transaction, and the engine's clock. */
export interface ScriptContext {
  ticket: TicketSnapshot
  now: Date
  /** The process and activity running the script (for placeholders such as `{{process.Name}}`). */
  process?: { id: string; name: string; activity: string | null }
  /** People look-ups for placeholders such as `{{customer.Email}}`. */
  env?: RuntimeEnv
  /** The ticket's articles, oldest first, when the caller has them (`Article` as a source field). */
  articles?: readonly { subject: string; body: string }[]
}

/** Field updates a script returns, by Znuny field name: `{ DynamicField_Category: 'hardware' }`. */
export type ScriptUpdates = Record<string, FieldValue>

/**
 * A script registered in the engine and referenced by name from a definition's `script` activity.
 * It runs synchronously inside the step's transaction and must not do I/O.
 */
export interface EngineScript<P = unknown> {
  name: string
  description: string
  /** Parses the activity's `params` (zod); also published as the script's parameter specs. */
  params: z.ZodType<P>
  run(params: P, ctx: ScriptContext): ScriptUpdates
}

/** A script whose params type has been erased, as the registry holds it (`run` is a method: bivariant). */
export type AnyEngineScript = EngineScript<unknown>

/**
 * Typed helper for writing a script: infers `run`'s params from the zod schema.
 *
 * @example
 * ```ts
 * export default defineScript({ name: 'shout', description: 'Upper-cases the title',
 *   params: z.object({}), run: (_p, { ticket }) => ({ Title: ticket.Title.toUpperCase() }) })
 * ```
 */
export function defineScript<P>(script: EngineScript<P>): EngineScript<P> {
  return Object.freeze({ ...script })
}
