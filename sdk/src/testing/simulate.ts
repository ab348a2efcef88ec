import { AblaufError } from '../errors.js'
import { contentHash } from '../canonical/index.js'
import { parseDefinition, type ProcessDefinition } from '../definition/index.js'
import { createRuntimeEnv } from './runtime-env.js'
import type { ProcessSource, Scenario } from './scenario-types.js'
import { Simulation } from './simulation.js'
import { SimulationRun, type SimulationState, type SimulationWorld } from './simulation-run.js'
import { createTicketSnapshot } from './ticket-snapshot.js'

const DEFAULT_NOW = '2025-01-01T09:00:00.000Z'

/**
 * Runs a process offline for a unit test, on the same pure `start`/`step` the engine uses. Scripts,
 * web services and sub-processes come from the scenario; the process starts at once and runs until it
 * waits for a person (or ends). Continue the story with `.submit()`, `.update()`, `.retry()`, `.cancel()`.
 *
 * @example
 * ```ts
 * import { simulate } from '@ablauf/sdk/testing'
 * import incidentTriage from './incident-triage.process.js'
 *
 * const run = simulate(incidentTriage, {
 *   ticket: { Title: 'Laptop broken', Queue: 'Service Desk', CustomerUser: 'jane' },
 *   target: { customerUsers: [{ login: 'jane', customerId: 'ACME', email: 'jane@acme.example' }] },
 *   scripts: { 'classify-by-keywords': { DynamicField_Category: 'hardware' } },
 *   services: { 'ERP/WarrantyLookup': { status: 200, body: { status: 'valid' } } },
 * }).submit('confirm', { DynamicField_Category: 'hardware' })
 *
 * expect(run.path).toEqual(['classify', 'check-warranty', 'confirm', 'done'])
 * expect(run.ticket.DynamicField.Warranty).toBe('valid')
 * expect(run.emails[0]?.to).toEqual(['jane@acme.example'])
 * ```
 */
export function simulate(process: ProcessSource, scenario: Scenario = {}): Simulation {
  const definition = toDefinition(process)
  const runnable = [definition, ...(scenario.subprocesses ?? []).map(toDefinition)]
  const definitions: SimulationWorld['definitions'] = new Map(runnable.map((d) => [d.id, { definition: d, version: contentHash(d) }]))
  const versions = Object.fromEntries([...definitions].map(([id, e]) => [id, e.version]))
  const world: SimulationWorld = { scenario, env: createRuntimeEnv(scenario.target, versions), definitions }
  const now = scenario.now === undefined ? DEFAULT_NOW : new Date(scenario.now).toISOString()
  const state: SimulationState = { now, instances: [], tickets: {}, emails: [], articles: [], incidents: [], createdTickets: [], links: [], serviceCalls: {} }
  new SimulationRun(world, state).start(definition.id, createTicketSnapshot(scenario.ticket), null)
  return new Simulation(world, state).run(...(scenario.steps ?? []))
}

function toDefinition(source: ProcessSource): ProcessDefinition {
  const input = 'toDefinition' in source && typeof source.toDefinition === 'function' ? source.toDefinition() : source
  const parsed = parseDefinition(input)
  if (!parsed.ok) {
    const first = parsed.issues[0]
    const where = first === undefined ? '' : `: ${first.path.join('.')} ${first.message}`
    throw new AblaufError('DEFINITION_INVALID', `the process definition is invalid (${parsed.issues.length} problem(s))${where}`, { issues: parsed.issues })
  }
  return parsed.value
}
