import type { ProcessDefinition } from '../definition/definition-schema.js'
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
  if (Array.isArray(value)) return value.map((v: unknown) => copyPlain(v)) as T
  if (typeof value === 'object' && value !== null && !isDate(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyPlain(v)])) as T
  }
  return value
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

/**
 * The one implementation behind `ProcessBuilder`: holds a frozen plain draft and answers every
 * call with a new instance. Its methods are untyped; the public interface carries the types.
 */
export class ProcessBuilderImpl {
  readonly [PROCESS_BUILDER] = true as const
  readonly #draft: ProcessDraft

  private constructor(draft: ProcessDraft) {
    this.#draft = deepFreeze(draft)
  }

  static create(id: string, options: ProcessOptions): ProcessBuilderImpl {
    return new ProcessBuilderImpl({ id, options: copyPlain(options), activities: [], transitions: [] })
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
    return new ProcessBuilderImpl({ ...this.#draft, transitions: [...this.#draft.transitions, transition] })
  }

  toDefinition(): ProcessDefinition {
    return assembleDefinition(this.#draft)
  }

  #withActivity(activity: ActivityDraft): ProcessBuilderImpl {
    const index = this.#draft.activities.findIndex((a) => a.id === activity.id)
    if (index >= 0) {
      const message = `activity "${activity.id}" is declared twice in process "${this.#draft.id}"; give each activity its own id`
      throw new AblaufError('DEFINITION_INVALID', message, {
        issues: [{ code: 'DUPLICATE_ACTIVITY', path: ['activities', this.#draft.activities.length, 'id'], message, severity: 'error' }],
      })
    }
    return new ProcessBuilderImpl({ ...this.#draft, activities: [...this.#draft.activities, activity] })
  }
}

