import type { Logger } from 'pino'
import { isAblaufError } from '@ablauf/sdk/errors'
import { start, step, type Actor, type Effect, type ProcessEvent, type ProcessInstance, type StepResult } from '@ablauf/sdk/runtime'
import { coalesceTicketUpdates, writeEffect } from './effect-writer.js'
import { logStepTrace } from './step-trace.js'
import type { LoadedVersion, ProcessRuntimeOptions, StepScope } from './runtime-options.js'
import type { createVersionLoader } from './version-loader.js'

type ScriptRun = Extract<Effect, { type: 'script.run' }>
type SubprocessStart = Extract<Effect, { type: 'subprocess.start' }>

/** What the step runner is built from. */
export interface StepRunnerDeps {
  options: ProcessRuntimeOptions
  versions: ReturnType<typeof createVersionLoader>
  newId: () => string
  maxSteps: number
}

/**
 * Persists a step's result and everything that follows from it inside the same transaction: the
 * instance, history rows and effects; scripts are run at once and their outcome stepped in; children
 * of `subprocess` activities are started. A child that ends queues a follow-up for its parent.
 */
export function createStepRunner(deps: StepRunnerDeps): {
  advance(scope: StepScope, version: LoadedVersion, result: StepResult, isNew: boolean, actor?: Actor): Promise<ProcessInstance>
} {
  const { options, versions } = deps

  const logFor = (i: ProcessInstance, ticketNumber: string): Logger => {
    const bindings = { component: 'runtime', instanceId: i.id, processId: i.processId, version: i.version, ticketId: i.ticketId }
    const level = options.trace?.levelFor({ processId: i.processId, ticketId: i.ticketId, ticketNumber })
    return level === undefined ? options.logger.child(bindings) : options.logger.child(bindings, { level })
  }

  async function advance(scope: StepScope, version: LoadedVersion, result: StepResult, isNew: boolean, actor?: Actor): Promise<ProcessInstance> {
    const { tx, at } = scope
    scope.steps += 1
    const instance = result.instance
    scope.processId ??= instance.processId
    const log = logFor(instance, result.ticket.number)
    if (log.isLevelEnabled('debug')) logStepTrace(log, version.definition, result)
    if (isNew) await tx.instances.create(instance)
    else await tx.instances.update(instance)
    if (result.history.length > 0) {
      await tx.history.append(result.history.map((entry) => ({ ticketId: instance.ticketId, instanceId: instance.id, entry })))
    }
    let script: ScriptRun | undefined
    const ctx = { scope, definition: version.definition, instance, actor, newId: deps.newId, ticket: result.ticket, emailTemplates: options.emailTemplates ?? [] }
    for (const effect of coalesceTicketUpdates(result.effects)) {
      if (await writeEffect(ctx, effect)) continue
      switch (effect.type) {
        case 'script.run':
          script = effect
          break
        case 'subprocess.start':
          await startChild(scope, instance, effect, log)
          break
        case 'instance.ended':
          log.info({ status: effect.status }, 'process ended')
          if (effect.status === 'completed') options.metrics?.instancesCompleted.inc({ process: instance.processId })
          if (effect.parent !== null) {
            const p = effect.parent
            scope.followUps.push({
              instanceId: p.instanceId,
              event: effect.status === 'completed'
                ? { type: 'subprocess.completed', key: p.key, childInstanceId: instance.id }
                : { type: 'subprocess.failed', key: p.key, childInstanceId: instance.id, error: { code: 'CANCELED', message: `sub-process ${instance.id} was canceled` } },
            })
          }
          break
        case 'incident.raised':
          log.warn({ code: effect.incident.code, activity: effect.incident.activity, message: effect.incident.message }, 'incident raised')
          options.metrics?.instancesFailed.inc({ process: instance.processId, code: effect.incident.code })
          break
        default:
          break
      }
    }
    if (script === undefined) return instance
    return runScript(scope, version, instance, script, log, at)
  }

  async function runScript(scope: StepScope, version: LoadedVersion, instance: ProcessInstance, effect: ScriptRun, log: Logger, at: string): Promise<ProcessInstance> {
    const ticket = await scope.tx.tickets.get(instance.ticketId)
    if (ticket === undefined) return instance
    if (scope.steps >= deps.maxSteps) {
      const incident = { code: 'STEP_LIMIT_EXCEEDED', message: `more than ${deps.maxSteps} steps for one event; the process loops through scripts`, activity: effect.activity, at }
      const stuck: ProcessInstance = { ...instance, status: 'incident', waiting: null, incident, updatedAt: at }
      await scope.tx.instances.update(stuck)
      await scope.tx.history.append([{ ticketId: instance.ticketId, instanceId: instance.id, entry: { type: 'incident', ...incident } }])
      log.warn({ code: incident.code }, 'incident raised')
      return stuck
    }
    let event: ProcessEvent
    try {
      const articles = await scope.tx.tickets.listArticles(instance.ticketId)
      const updates = options.scripts.run(effect.script, effect.params, {
        ticket,
        now: scope.now,
        process: { id: version.definition.id, name: version.definition.name, activity: effect.activity },
        env: scope.env,
        articles,
      })
      event = { type: 'script.completed', key: effect.key, updates }
    } catch (err) {
      const code = isAblaufError(err) ? err.code : 'SCRIPT_FAILED'
      const message = err instanceof Error ? err.message : String(err)
      log.warn({ script: effect.script, code, message }, 'script failed')
      event = { type: 'script.failed', key: effect.key, error: { code, message } }
    }
    const next = step(version.definition, instance, { ...event, ticket }, scope.now, scope.env)
    return advance(scope, version, next, false)
  }

  async function startChild(scope: StepScope, parent: ProcessInstance, effect: SubprocessStart, log: Logger): Promise<void> {
    const { tx } = scope
    if ((await tx.instances.findChild(parent.id, effect.key)) !== undefined) return
    let version: LoadedVersion
    try {
      version = effect.version === 'latest' ? await versions.active(tx, effect.process) : await versions.byHash(tx, effect.process, effect.version)
    } catch (err) {
      if (!isAblaufError(err, 'NOT_FOUND')) throw err
      log.warn({ process: effect.process, message: err.message }, 'sub-process not started')
      scope.followUps.push({ instanceId: parent.id, event: { type: 'subprocess.failed', key: effect.key, childInstanceId: '', error: { code: 'NOT_FOUND', message: err.message } } })
      return
    }
    const ticket = effect.ticket === 'same' ? await tx.tickets.get(parent.ticketId) : await newChildTicket(scope, parent, effect)
    if (ticket === undefined) return
    const result = start(version.definition, ticket, {
      instanceId: deps.newId(),
      now: scope.now,
      version: version.hash,
      test: parent.test,
      parent: { instanceId: parent.id, activity: effect.activity, key: effect.key },
    }, scope.env)
    options.metrics?.instancesStarted.inc({ process: version.definition.id })
    log.info({ child: result.instance.id, process: effect.process, ticket: ticket.id }, 'sub-process started')
    await advance(scope, version, result, true)
  }

  async function newChildTicket(scope: StepScope, parent: ProcessInstance, effect: SubprocessStart): Promise<Awaited<ReturnType<StepScope['tx']['tickets']['create']>>> {
    const { tx, at } = scope
    const parentTicket = await tx.tickets.get(parent.ticketId)
    const spec = effect.newTicket
    const created = await tx.tickets.create({
      Title: spec?.title ?? `${effect.process} (sub-process of ticket ${parentTicket?.number ?? parent.ticketId})`,
      Queue: spec?.queue ?? parentTicket?.Queue ?? 'Raw',
      State: spec?.state ?? 'new',
      Priority: spec?.priority ?? parentTicket?.Priority ?? '3 normal',
      CustomerUser: parentTicket?.CustomerUser ?? null,
      CustomerID: parentTicket?.CustomerID ?? null,
      test: parent.test,
      now: at,
    })
    await tx.tickets.addLink({ sourceTicketId: parent.ticketId, targetTicketId: created.id, type: 'ParentChild', createdAt: at })
    await tx.history.append([{ ticketId: created.id, instanceId: null, entry: { type: 'ticket.created', at, message: `created for sub-process "${effect.process}" of ticket ${parentTicket?.number ?? parent.ticketId}` } }])
    return created
  }

  return { advance }
}
