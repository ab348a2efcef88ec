import { AblaufError } from '../errors.js'
import type { FieldValue } from '../definition/index.js'
import type { Actor, HistoryEntry, ProcessInstance, TicketSnapshot, Waiting } from '../runtime/runtime-types.js'
import { applyChanges, changesFromValues } from '../runtime/ticket-fields.js'
import type {
  OpenTask,
  SimulatedArticle,
  SimulatedEmail,
  SimulatedIncident,
  SimulatedInstance,
  SimulationStep,
  SubmitInput,
} from './scenario-types.js'
import { SimulationRun, type SimulationState, type SimulationWorld } from './simulation-run.js'
import { findSubmitTarget } from './submit-target.js'

/**
 * A process run in memory, as returned by `simulate()`. Immutable: every step (`submit`, `update`,
 * `retry`, `cancel`) returns a new `Simulation`, so one start can branch into several stories.
 * Getters describe the top-level instance (`path`, `status`, …) and everything the run produced
 * (`emails`, `articles`, `incidents`, …).
 *
 * @example
 * ```ts
 * const started = simulate(incidentTriage, { ticket: { Title: 'Laptop broken', Queue: 'Service Desk' }, scripts, services })
 * const done = started.submit('confirm', { DynamicField_Category: 'hardware' })
 * expect(started.activity).toBe('confirm')
 * expect(done.path).toEqual(['classify', 'check-warranty', 'confirm', 'done'])
 * expect(done.emails[0]?.subject).toBe('Done')
 * ```
 */
export class Simulation {
  readonly #world: SimulationWorld
  readonly #state: SimulationState

  /** @internal Use `simulate()`. */
  constructor(world: SimulationWorld, state: SimulationState) {
    this.#world = world
    this.#state = state
  }

  /**
   * Submits a dialog of the open user task `activity` (of the process or a sub-process). Throws
   * `WRONG_ACTIVITY` with the current path when that task is not open, `REQUIRED_FIELD_MISSING`
   * when a required field is empty.
   *
   * @example
   * ```ts
   * run.submit('approve', { DynamicField_Approved: true }, { as: 'manager', article: { subject: 'OK', body: 'Approved' } })
   * run.submit({ dialog: 'customer-feedback', values: { DynamicField_Rating: '5' }, as: { kind: 'customer', login: 'jane' } })
   * ```
   */
  submit(activity: string, values?: Record<string, FieldValue>, options?: Omit<SubmitInput, 'activity' | 'values'>): Simulation
  submit(input: SubmitInput): Simulation
  submit(arg: string | SubmitInput, values?: Record<string, FieldValue>, options?: Omit<SubmitInput, 'activity' | 'values'>): Simulation {
    const input: SubmitInput = typeof arg === 'string' ? { ...options, activity: arg, values: values ?? {} } : arg
    return this.#next((run, state) => {
      const target = findSubmitTarget(state.instances, input)
      const ticket = this.#ticketOf(state, target.instanceId)
      const actor: Actor = typeof input.as === 'object' ? input.as : { kind: 'agent', login: input.as ?? ticket.Owner ?? 'agent' }
      run.dispatch(target.instanceId, {
        type: 'dialog.submitted',
        activity: target.activity.id,
        dialog: target.dialog.id,
        values: input.values ?? {},
        ...(input.article === undefined ? {} : { article: input.article }),
        actor,
      })
    })
  }

  /**
   * Changes ticket fields from outside (as an agent editing the ticket would) and tells every running
   * instance on the ticket, so `wait` activities re-evaluate their transitions.
   *
   * @example
   * ```ts
   * run.update({ State: 'open', DynamicField_PartsArrived: true }).activity // 'repair'
   * ```
   */
  update(fields: Record<string, FieldValue>): Simulation {
    return this.#next((run, state) => {
      const root = this.#root(state)
      const { ticket } = applyChanges(this.#ticketOf(state, root.instance.id), changesFromValues(fields))
      run.setTicket(ticket)
      for (const sim of state.instances) {
        if (sim.instance.ticketId === ticket.id && sim.instance.status === 'running') run.dispatch(sim.instance.id, { type: 'ticket.updated' })
      }
    })
  }

  /**
   * Retries the latest instance with an incident (an operator's "retry"): it re-enters the failed activity.
   *
   * @example
   * ```ts
   * simulate(proc, { services: { 'ERP/Lookup': [{ error: 'TIMEOUT' }, { status: 200, body: {} }] } }).retry().status // 'running'
   * ```
   */
  retry(as: Actor = { kind: 'system' }): Simulation {
    return this.#next((run, state) => {
      const failed = state.instances.filter((s) => s.instance.status === 'incident').at(-1)
      if (failed === undefined) throw new AblaufError('CONFLICT', `nothing to retry: no instance has an incident (status ${this.status})`)
      run.dispatch(failed.instance.id, { type: 'retry', actor: as })
    })
  }

  /**
   * Cancels the top-level instance.
   *
   * @example
   * ```ts
   * run.cancel('duplicate').status // 'canceled'
   * ```
   */
  cancel(reason?: string, as: Actor = { kind: 'system' }): Simulation {
    return this.#next((run, state) => {
      run.dispatch(this.#root(state).instance.id, { type: 'cancel', actor: as, ...(reason === undefined ? {} : { reason }) })
    })
  }

  /**
   * Applies steps written as data, in order.
   *
   * @example
   * ```ts
   * run.run({ submit: { activity: 'confirm', values: { DynamicField_Category: 'hardware' } } }, { update: { fields: { State: 'open' } } })
   * ```
   */
  run(...steps: SimulationStep[]): Simulation {
    let sim: Simulation = this
    for (const s of steps) {
      if ('submit' in s) sim = sim.submit(s.submit)
      else if ('update' in s) sim = sim.update(s.update.fields)
      else if ('retry' in s) sim = sim.retry()
      else sim = sim.cancel(s.cancel === true ? undefined : s.cancel.reason)
    }
    return sim
  }

  /** Activity ids the top-level instance entered, in order. */
  get path(): string[] {
    return [...this.#root(this.#state).path]
  }
  /** Transition ids the top-level instance took, in order. */
  get transitions(): string[] {
    return [...this.#root(this.#state).transitions]
  }
  /** The top-level instance's ticket as it is now. */
  get ticket(): TicketSnapshot {
    return this.#ticketOf(this.#state, this.#root(this.#state).instance.id)
  }
  get status(): ProcessInstance['status'] {
    return this.instance.status
  }
  /** The top-level instance's current activity. */
  get activity(): string | null {
    return this.instance.activity
  }
  get waiting(): Waiting | null {
    return this.instance.waiting
  }
  get instance(): ProcessInstance {
    return this.#root(this.#state).instance
  }
  /** The top-level instance's history rows. */
  get history(): HistoryEntry[] {
    return [...this.#root(this.#state).history]
  }
  /** Sub-process instances, in start order. */
  get children(): SimulatedInstance[] {
    return this.#state.instances.slice(1)
  }
  /** E-mails sent by any instance, rendered. */
  get emails(): SimulatedEmail[] {
    return [...this.#state.emails]
  }
  /** Articles written by actions and dialogs. */
  get articles(): SimulatedArticle[] {
    return [...this.#state.articles]
  }
  /** Every transition action run, with a short description of what it did. */
  get actions(): Array<Extract<HistoryEntry, { type: 'action.run' }>> {
    return this.#state.instances.flatMap((s) => s.history.filter((h) => h.type === 'action.run'))
  }
  /** Every incident raised, including ones already retried. */
  get incidents(): SimulatedIncident[] {
    return [...this.#state.incidents]
  }
  get createdTickets(): SimulationState['createdTickets'] {
    return [...this.#state.createdTickets]
  }
  get links(): SimulationState['links'] {
    return [...this.#state.links]
  }
  /** User tasks open now, across the process and its sub-processes. */
  get openTasks(): OpenTask[] {
    return this.#state.instances.flatMap((s) => {
      const { instance, definition } = s
      if (instance.status !== 'running' || instance.waiting?.for !== 'dialog') return []
      const activity = definition.activities.find((a) => a.id === instance.activity)
      if (activity?.kind !== 'user') return []
      const dialogs = activity.dialogs.map((d) => ({ id: d.id, title: d.title, fields: d.fields.map((f) => f.field as string) }))
      return [{ instanceId: instance.id, processId: instance.processId, activity: activity.id, dialogs }]
    })
  }

  #next(apply: (run: SimulationRun, state: SimulationState) => void): Simulation {
    const state = structuredClone(this.#state)
    apply(new SimulationRun(this.#world, state), state)
    return new Simulation(this.#world, state)
  }

  #root(state: SimulationState): SimulatedInstance {
    const root = state.instances[0]
    if (root === undefined) throw new AblaufError('INTERNAL', 'the simulation has no instance')
    return root
  }

  #ticketOf(state: SimulationState, instanceId: string): TicketSnapshot {
    const sim = state.instances.find((s) => s.instance.id === instanceId)
    const ticket = sim === undefined ? undefined : state.tickets[sim.instance.ticketId]
    if (ticket === undefined) throw new AblaufError('INTERNAL', `no ticket for instance "${instanceId}"`)
    return ticket
  }
}
