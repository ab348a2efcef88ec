import type { ProcessDefinition } from '../definition/definition-schema.js'
import { deepFreeze } from '../definition/deep-freeze.js'
import { AblaufError } from '../errors.js'
import type {
  ActivityOptions,
  ScriptActivityOptions,
  ServiceActivityOptions,
  SubprocessActivityOptions,
  UserActivityOptions,
} from './activity-options.js'
import {
  plainDraft,
  scriptDraft,
  serviceDraft,
  subprocessDraft,
  userDraft,
  type ActivityDraft,
} from './activity-drafts.js'
import { assembleDefinition, type ProcessDraft, type TransitionDraft } from './definition-assembly.js'
import type { ProcessOptions, TransitionOptions } from './process-builder.js'
import type { ScriptName, WebServiceName } from './register.js'
import { isDate } from './date-values.js'

/**
 * The brand of process builders. A registered symbol (`Symbol.for`), so a builder made by another copy
 * of the sdk is still recognised.
 *
 * @example
 * ```ts
 * (builder as Record<symbol, unknown>)[PROCESS_BUILDER] === true
 * ```
 */
export const PROCESS_BUILDER: unique symbol = Symbol.for('ablauf.processBuilder')

/** A deep copy of plain data, so later changes to the caller's objects cannot reach the draft. */
function copyPlain<T>(value: T): T {
  if (typeof value !== 'object' || value === null || isDate(value)) return value
  if (Array.isArray(value)) return value.map((v: unknown) => copyPlain(v)) as T
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(value)) out[k] = copyPlain((value as Record<string, unknown>)[k])
  return out as T
}

/**
 * An append-only list shared between builders: each call adds one frozen cell in front of the
 * previous list instead of copying it, so a chain of n calls costs O(n), not O(n²).
 */
interface Chain<T> {
  readonly last: T
  readonly before: Chain<T> | undefined
  readonly length: number
}

function append<T>(chain: Chain<T> | undefined, item: T): Chain<T> {
  return Object.freeze({ last: deepFreeze(item), before: chain, length: (chain?.length ?? 0) + 1 })
}

function toArray<T>(chain: Chain<T> | undefined): T[] {
  const out = new Array<T>(chain?.length ?? 0)
  for (let c = chain; c; c = c.before) out[c.length - 1] = c.last
  return out
}

/** The frozen state of a builder; every builder made from it shares it. */
interface BuilderState {
  readonly id: string
  readonly options: ProcessOptions
  readonly activities: Chain<ActivityDraft> | undefined
  readonly transitions: Chain<TransitionDraft> | undefined
}

/**
 * The one implementation behind `ProcessBuilder`: holds frozen plain state and answers every call
 * with a new instance. Its methods are untyped; the public interface carries the types.
 */
export class ProcessBuilderImpl {
  readonly [PROCESS_BUILDER] = true as const
  readonly #state: BuilderState

  private constructor(state: BuilderState) {
    this.#state = Object.freeze(state)
  }

  static create(id: string, options: ProcessOptions): ProcessBuilderImpl {
    return new ProcessBuilderImpl({ id, options: deepFreeze(copyPlain(options)), activities: undefined, transitions: undefined })
  }

  script(id: string, options: ScriptActivityOptions<ScriptName>): ProcessBuilderImpl {
    return this.#withActivity(scriptDraft(id, options))
  }

  service(id: string, options: ServiceActivityOptions<WebServiceName>): ProcessBuilderImpl {
    return this.#withActivity(serviceDraft(id, options))
  }

  user(id: string, options: UserActivityOptions): ProcessBuilderImpl {
    return this.#withActivity(userDraft(id, options))
  }

  subprocess(id: string, options: SubprocessActivityOptions): ProcessBuilderImpl {
    return this.#withActivity(subprocessDraft(id, options))
  }

  wait(id: string, options?: ActivityOptions): ProcessBuilderImpl {
    return this.#withActivity(plainDraft('wait', id, options))
  }

  end(id: string, options?: ActivityOptions): ProcessBuilderImpl {
    return this.#withActivity(plainDraft('end', id, options))
  }

  transition(from: string, to: string, options: TransitionOptions = {}): ProcessBuilderImpl {
    const transition: TransitionDraft = { from, to, ...copyPlain(options) }
    return new ProcessBuilderImpl({ ...this.#state, transitions: append(this.#state.transitions, transition) })
  }

  toDefinition(): ProcessDefinition {
    const { id, options, activities, transitions } = this.#state
    const draft: ProcessDraft = { id, options, activities: toArray(activities), transitions: toArray(transitions) }
    return assembleDefinition(draft)
  }

  #withActivity(activity: ActivityDraft): ProcessBuilderImpl {
    const { id, activities } = this.#state
    for (let c = activities; c; c = c.before) {
      if (c.last.id !== activity.id) continue
      const message = `activity "${activity.id}" is declared twice in process "${id}"; give each activity its own id`
      throw new AblaufError('DEFINITION_INVALID', message, {
        issues: [{ code: 'DUPLICATE_ACTIVITY', path: ['activities', activities?.length ?? 0, 'id'], message, severity: 'error' }],
      })
    }
    return new ProcessBuilderImpl({ ...this.#state, activities: append(activities, activity) })
  }
}

