import { AblaufError } from '../errors.js'
import type { ProcessDefinition } from '../definition/index.js'
import { start } from '../runtime/start.js'
import { step } from '../runtime/step.js'
import { renderTemplate } from '../runtime/render-template.js'
import type { Effect, ProcessEvent, ProcessInstance, RuntimeEnv, StepResult, TicketSnapshot } from '../runtime/runtime-types.js'
import type { Scenario, SimulatedArticle, SimulatedEmail, SimulatedIncident, SimulatedInstance } from './scenario-types.js'
import { scriptEvent, serviceEvent } from './stub-replies.js'
import { createTicketSnapshot } from './ticket-snapshot.js'

/** Everything a simulation has seen so far: plain data, cloned before every fluent call. */
export interface SimulationState {
  now: string
  instances: SimulatedInstance[]
  tickets: Record<string, TicketSnapshot>
  emails: SimulatedEmail[]
  articles: SimulatedArticle[]
  incidents: SimulatedIncident[]
  createdTickets: Array<Omit<Extract<Effect, { type: 'ticket.create' }>, 'type'>>
  links: Array<Omit<Extract<Effect, { type: 'link.add' }>, 'type'> & { ticketId: string }>
  serviceCalls: Record<string, number>
}

/** The fixed parts of a simulation: the scenario's stubs, the env and the runnable definitions. */
export interface SimulationWorld {
  scenario: Scenario
  env: RuntimeEnv
  definitions: ReadonlyMap<string, { definition: ProcessDefinition; version: string }>
}

/** Without a person in the loop a process must come to rest; this many steps in one call means it loops. */
const MAX_STEPS_PER_CALL = 1000

/**
 * The in-memory executor of `simulate()`: it feeds events to the pure start/step, keeps the results,
 * and performs effects the way the engine's job worker would — with stubs instead of the world.
 */
export class SimulationRun {
  readonly #world: SimulationWorld
  readonly state: SimulationState
  readonly #queue: Array<{ instanceId: string; effect: Effect }> = []
  #steps = 0

  constructor(world: SimulationWorld, state: SimulationState) {
    this.#world = world
    this.state = state
  }

  /** Starts a process on a ticket and runs until everything waits. */
  start(processId: string, ticket: TicketSnapshot, parent: ProcessInstance['parent']): string {
    const entry = this.#world.definitions.get(processId)
    if (entry === undefined) {
      const known = [...this.#world.definitions.keys()].map((id) => `"${id}"`).join(', ')
      throw new AblaufError('NOT_FOUND', `a sub-process "${processId}" was started, but the scenario does not know it (known: ${known}); add it to subprocesses`, { process: processId })
    }
    const instanceId = `sim-${this.state.instances.length + 1}`
    this.state.tickets[ticket.id] = ticket
    const result = start(entry.definition, ticket, { instanceId, now: new Date(this.state.now), version: entry.version, parent }, this.#world.env)
    this.state.instances.push({ instance: result.instance, definition: entry.definition, path: [], transitions: [], history: [] })
    this.#record(instanceId, result)
    this.#drain()
    return instanceId
  }

  /** Delivers one event to an instance and runs until everything waits. Errors of the step propagate. */
  dispatch(instanceId: string, event: ProcessEvent): void {
    this.#deliver(instanceId, event)
    this.#drain()
  }

  /** Applies field changes made from outside (an agent editing the ticket). */
  setTicket(ticket: TicketSnapshot): void {
    this.state.tickets[ticket.id] = ticket
  }

  #deliver(instanceId: string, event: ProcessEvent): void {
    this.#steps += 1
    if (this.#steps > MAX_STEPS_PER_CALL) {
      throw new AblaufError('STEP_LIMIT_EXCEEDED', `the process ran ${MAX_STEPS_PER_CALL} steps without waiting for a person; it probably loops through a script or service`)
    }
    const sim = this.#instance(instanceId)
    const ticket = this.#ticket(sim.instance.ticketId)
    this.#record(instanceId, step(sim.definition, sim.instance, { ...event, ticket }, new Date(this.state.now), this.#world.env))
  }

  #record(instanceId: string, result: StepResult): void {
    const sim = this.#instance(instanceId)
    sim.instance = result.instance
    sim.history.push(...result.history)
    for (const h of result.history) {
      if (h.type === 'activity.entered') sim.path.push(h.activity)
      if (h.type === 'transition.taken') sim.transitions.push(h.transition)
    }
    this.state.tickets[result.ticket.id] = result.ticket
    for (const effect of result.effects) this.#queue.push({ instanceId, effect })
  }

  /** Renders a template e-mail as the engine's mail job would, when the scenario's target has the template. */
  #fromTemplate(email: SimulatedEmail, ticket: TicketSnapshot, sim: { definition: ProcessDefinition; instance: ProcessInstance }): SimulatedEmail {
    const template = email.template === null ? undefined : this.#world.scenario.target?.emailTemplates?.find((t) => t.name === email.template)
    if (template === undefined) return email
    const ctx = { ticket, process: { id: sim.definition.id, name: sim.definition.name, activity: sim.instance.activity }, env: this.#world.env }
    return {
      ...email,
      subject: email.subject !== '' ? email.subject : renderTemplate(template.subject ?? '', ctx),
      body: email.body !== '' ? email.body : renderTemplate(template.body ?? '', ctx),
    }
  }

  #drain(): void {
    for (let next = this.#queue.shift(); next !== undefined; next = this.#queue.shift()) this.#perform(next.instanceId, next.effect)
  }

  #perform(instanceId: string, effect: Effect): void {
    const sim = this.#instance(instanceId)
    const ticket = this.#ticket(sim.instance.ticketId)
    switch (effect.type) {
      case 'script.run':
        return this.#deliver(instanceId, scriptEvent(this.#world.scenario.scripts?.[effect.script], effect, ticket, new Date(this.state.now)))
      case 'service.call': {
        const name = `${effect.webService}/${effect.invoker}`
        const { event, calls } = serviceEvent(this.#world.scenario.services?.[name], effect, ticket, this.state.serviceCalls[name] ?? 0)
        this.state.serviceCalls[name] = calls
        return this.#deliver(instanceId, event)
      }
      case 'subprocess.start': {
        const childTicket = effect.ticket === 'same' ? ticket : this.#newTicket(effect, ticket)
        this.start(effect.process, childTicket, { instanceId, activity: effect.activity, key: effect.key })
        return
      }
      case 'instance.ended': {
        const parent = effect.parent
        if (effect.status !== 'completed' || parent === null) return
        const waiting = this.#instance(parent.instanceId).instance.waiting
        if (waiting?.for === 'subprocess' && waiting.key === parent.key) {
          this.#deliver(parent.instanceId, { type: 'subprocess.completed', key: parent.key, childInstanceId: instanceId })
        }
        return
      }
      case 'email.send': {
        const { type: _, ...email } = effect
        this.state.emails.push(this.#fromTemplate(email, ticket, sim))
        return
      }
      case 'article.create':
        this.state.articles.push({ ...effect.article, instanceId })
        return
      case 'ticket.create': {
        const { type: _, ...created } = effect
        this.state.createdTickets.push(created)
        return
      }
      case 'link.add': {
        const { type: _, ...link } = effect
        this.state.links.push({ ...link, ticketId: ticket.id })
        return
      }
      case 'incident.raised':
        this.state.incidents.push({ ...effect.incident, instanceId, processId: sim.instance.processId })
        return
      default:
        // ticket.update is already in the step's ticket; tasks are read from the instances' state.
        return
    }
  }

  #newTicket(effect: Extract<Effect, { type: 'subprocess.start' }>, parent: TicketSnapshot): TicketSnapshot {
    const n = Object.keys(this.state.tickets).length + 1
    const t = effect.newTicket
    return createTicketSnapshot({
      id: String(n),
      number: `20250101100000${String(n).padStart(2, '0')}`,
      Title: t?.title ?? parent.Title,
      Queue: t?.queue ?? parent.Queue,
      ...(t?.state === undefined ? {} : { State: t.state }),
      ...(t?.priority === undefined ? {} : { Priority: t.priority }),
      CustomerUser: parent.CustomerUser,
      CustomerID: parent.CustomerID,
      test: parent.test,
    })
  }

  #instance(id: string): SimulatedInstance {
    const sim = this.state.instances.find((i) => i.instance.id === id)
    if (sim === undefined) throw new AblaufError('NOT_FOUND', `no simulated instance "${id}"`)
    return sim
  }

  #ticket(id: string): TicketSnapshot {
    const ticket = this.state.tickets[id]
    if (ticket === undefined) throw new AblaufError('NOT_FOUND', `no simulated ticket "${id}"`)
    return ticket
  }
}
