import type { Condition } from '../definition/condition-schema.js'
import type { ProcessDefinition, ProcessState } from '../definition/definition-schema.js'
import type { TransitionAction } from '../definition/action-schema.js'
import type {
  ActivityOptions,
  ScriptActivityOptions,
  ServiceActivityOptions,
  SubprocessActivityOptions,
  UserActivityOptions,
} from './activity-options.js'
import { PROCESS_BUILDER, ProcessBuilderImpl } from './process-builder-impl.js'
import type { RegisteredTarget, ScriptName, WebServiceName } from './register.js'

/**
 * How a process starts: on ticket creation (optionally when a condition holds) or manually.
 *
 * @example
 * ```ts
 * const start: StartOptions = { on: 'manual', dialog: 'request' }
 * ```
 */
export type StartOptions<SA extends string = string, SD extends string = string> =
  | {
      on: 'ticket.created'
      when?: Condition
      /** Default: the first declared activity. */
      activity?: SA
      priority?: number
    }
  | {
      on: 'manual'
      /** Default: the first declared activity. */
      activity?: SA
      /** The start dialog: one of the start activity's dialogs. */
      dialog?: SD
      priority?: number
    }

/**
 * The options of {@link defineProcess}.
 *
 * @example
 * ```ts
 * const o: ProcessOptions = { name: 'Triage', state: 'active', start: { on: 'ticket.created' } }
 * ```
 */
export interface ProcessOptions<SA extends string = string, SD extends string = string> {
  name: string
  description?: string
  /** Default `active`. */
  state?: ProcessState
  start: StartOptions<SA, SD>
}

/**
 * Options of `.transition(from, to, …)`.
 *
 * @example
 * ```ts
 * const o: TransitionOptions = { id: 'close', when: field('State').eq('closed successful'), actions: [setLock('unlock')] }
 * ```
 */
export interface TransitionOptions {
  /** Default `<from>-to-<to>`, then `-2`, `-3`, … for repeats in declaration order. */
  id?: string
  name?: string
  description?: string
  /** The error path of a service or script task. */
  on?: 'error'
  /** Taken only when this holds; transitions are tried in declared order, the first that holds wins. */
  when?: Condition
  actions?: readonly TransitionAction[]
}

/** A new activity id: a type error when `I` is already declared. */
type NewId<I extends string, A extends string> = I extends A ? `activity "${I}" is already declared` : I

/** What `start` refers to that is not declared yet, as a readable error tuple. */
type StartCheck<A extends string, D extends string, SA extends string, SD extends string> = [
  Exclude<SA, A> | Exclude<SD, D>,
] extends [never]
  ? []
  : [error: `start refers to an undeclared activity or dialog: ${Exclude<SA, A> | Exclude<SD, D>}`]

/**
 * An immutable process builder: every call returns a new builder, the old one is unchanged;
 * `.toDefinition()` is the only exit. Activity ids accumulate in `A`, so a transition between
 * undeclared activities is a type error — declare activities before the transitions between them.
 * Builders carry the brand `Symbol.for('ablauf.processBuilder')`; see {@link isProcessBuilder}.
 *
 * @example
 * ```ts
 * const p = defineProcess('hello', { name: 'Hello', start: { on: 'ticket.created' } })
 *   .wait('triage')
 *   .end('done')
 *   .transition('triage', 'done', { when: field('State').eq('closed successful') })
 * p.toDefinition().transitions[0]?.id // 'triage-to-done'
 * ```
 */
export interface ProcessBuilder<A extends string = never, D extends string = never, SA extends string = never, SD extends string = never> {
  readonly [PROCESS_BUILDER]: true
  /** Runs a script registered in the engine, with its typed parameters. */
  script<const I extends string, const S extends ScriptName>(
    id: NewId<I, A>,
    options: ScriptActivityOptions<S>,
  ): ProcessBuilder<A | I, D, SA, SD>
  /** Calls an invoker of a web service registered in the engine, as a durable job. */
  service<const I extends string, const W extends WebServiceName, const V extends keyof RegisteredTarget['webServices'][W]['invokers'] & string>(
    id: NewId<I, A>,
    options: ServiceActivityOptions<W, V>,
  ): ProcessBuilder<A | I, D, SA, SD>
  /** A user task with one or more dialogs. */
  user<const I extends string, const DI extends string = never>(
    id: NewId<I, A>,
    options: UserActivityOptions<DI>,
  ): ProcessBuilder<A | I, D | DI | I | `${I}-${number}`, SA, SD>
  /** Starts another process and (by default) waits for it. */
  subprocess<const I extends string>(id: NewId<I, A>, options: SubprocessActivityOptions): ProcessBuilder<A | I, D, SA, SD>
  /** Waits until one of its outgoing transitions' conditions holds. */
  wait<const I extends string>(id: NewId<I, A>, options?: ActivityOptions): ProcessBuilder<A | I, D, SA, SD>
  /** The process is complete. */
  end<const I extends string>(id: NewId<I, A>, options?: ActivityOptions): ProcessBuilder<A | I, D, SA, SD>
  /** A transition between two declared activities; tried in declared order. */
  transition(from: A, to: A, options?: TransitionOptions): ProcessBuilder<A, D, SA, SD>
  /**
   * The canonical definition (defaults filled). Throws `AblaufError('DEFINITION_INVALID', …, { issues })`
   * when the definition is invalid.
   */
  toDefinition(...check: StartCheck<A, D, SA, SD>): ProcessDefinition
}

/**
 * Starts a process definition. The start activity is `start.activity` if given, else the first declared one.
 *
 * @example
 * ```ts
 * export default defineProcess('incident-triage', {
 *   name: 'Incident triage',
 *   start: { on: 'ticket.created', when: field('Queue').eq('Service Desk') },
 * })
 *   .script('classify', { script: 'classify-by-keywords', params: { source: 'Title' } })
 *   .end('done')
 *   .transition('classify', 'done')
 * ```
 */
export function defineProcess<const SA extends string = never, const SD extends string = never>(
  id: string,
  options: ProcessOptions<SA, SD>,
): ProcessBuilder<never, never, SA, SD> {
  return ProcessBuilderImpl.create(id, options) as unknown as ProcessBuilder<never, never, SA, SD>
}

/**
 * True when `value` is a process builder, also one made by another copy of the sdk (checked by the
 * brand `Symbol.for('ablauf.processBuilder')`, not by `instanceof`). The compiler uses it on the
 * default export of a process module.
 *
 * @example
 * ```ts
 * const mod: { default?: unknown } = await import(file)
 * if (isProcessBuilder(mod.default)) definitions.push(mod.default.toDefinition())
 * ```
 */
export function isProcessBuilder(value: unknown): value is { toDefinition(): ProcessDefinition } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[PROCESS_BUILDER] === true &&
    typeof (value as { toDefinition?: unknown }).toDefinition === 'function'
  )
}
