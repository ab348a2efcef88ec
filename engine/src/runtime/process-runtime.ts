import { timeOrderedId } from '../store/time-ordered-id.js'
import { AblaufError } from '@ablauf/sdk/errors'
import { matchStart, start, step, type Actor, type ProcessEvent, type ProcessInstance, type RuntimeEnv } from '@ablauf/sdk/runtime'
import type { TargetSnapshot } from '@ablauf/sdk/target'
import type { ProcessRuntime } from '../http/runtime-port.js'
import type { StoreTx } from '../store/store-port.js'
import type { JobResultEvent, ProcessRuntimeOptions, StepScope } from './runtime-options.js'
import { createStepRunner } from './step-runner.js'
import { targetEnv } from './target-env.js'
import { createVersionLoader } from './version-loader.js'

/** The executor: the HTTP API's {@link ProcessRuntime} plus the entry the job worker feeds results into. */
export interface ExecutorRuntime extends ProcessRuntime {
  /**
   * Feeds a job's result into the instance awaiting it. `settle` runs in the same transaction (the
   * worker completes its job there), so a result is applied exactly once even when a job runs twice.
   * Returns the instance after the step, or undefined when it no longer exists.
   */
  deliver(instanceId: string, event: JobResultEvent, settle?: (tx: StoreTx) => Promise<void>): Promise<ProcessInstance | undefined>
  /**
   * `ticketCreated` inside the caller's transaction — the one that creates the ticket, so that a ticket
   * exists exactly when its process started (a crash between two commits cannot split them). Only for
   * a ticket created in `tx`. Returns the started instance as it is after the event (undefined when no
   * process matched).
   */
  startInTransaction(tx: StoreTx, ticketId: string, actor: Actor): Promise<ProcessInstance | undefined>
}

const SYSTEM: Actor = { kind: 'system' }

/**
 * Creates the process runtime. Every call is one store transaction (or runs in the caller's): lock the
 * ticket and instance, run the pure `start`/`step` of `@ablauf/sdk/runtime`, run scripts and start
 * sub-processes in place, write instance, ticket, history, tasks and jobs, commit; then wake the job worker.
 */
export function createProcessRuntime(options: ProcessRuntimeOptions): ExecutorRuntime {
  const newId = options.ids ?? (() => timeOrderedId())
  const versions = createVersionLoader()
  const runner = createStepRunner({ options, versions, newId, maxSteps: options.maxStepsPerEvent ?? 200 })
  const log = options.logger.child({ component: 'runtime' })
  // The stores hand out one frozen snapshot object per target text, so its look-up maps are built once.
  const envs = new WeakMap<TargetSnapshot, RuntimeEnv>()
  const noTargetEnv = targetEnv(undefined, options.env)
  const envOf = (target: TargetSnapshot | undefined): RuntimeEnv => {
    if (target === undefined) return noTargetEnv
    let env = envs.get(target)
    if (env === undefined) envs.set(target, (env = targetEnv(target, options.env)))
    return env
  }

  /** Runs `fn` and the follow-ups it queued in `tx`; wakes the worker and records the step once `tx` committed. */
  async function inScope<T>(tx: StoreTx, fn: (scope: StepScope) => Promise<T>): Promise<T> {
    const began = performance.now()
    const now = options.clock.now()
    const scope: StepScope = { tx, now, at: now.toISOString(), env: envOf(await tx.target.get()), followUps: [], steps: 0, jobsEnqueued: false }
    const result = await fn(scope)
    for (let next = scope.followUps.shift(); next !== undefined; next = scope.followUps.shift()) {
      await stepInstance(scope, next.instanceId, next.event)
    }
    const { jobsEnqueued, processId } = scope
    tx.afterCommit(() => {
      if (processId !== undefined) options.metrics?.stepDuration.observe({ process: processId }, (performance.now() - began) / 1000)
      if (jobsEnqueued) options.onJobsEnqueued?.()
    })
    return result
  }

  const inTransaction = <T>(fn: (scope: StepScope) => Promise<T>): Promise<T> => options.store.transaction((tx) => inScope(tx, fn))

  /** `fresh`: the ticket was created in this very transaction, so it cannot have run a process yet. */
  /** Returns the id of the instance it started, if any. */
  async function startProcess(scope: StepScope, ticketId: string, actor: Actor, fresh: boolean): Promise<string | undefined> {
    const { tx, at } = scope
    const ticket = await tx.tickets.getForUpdate(ticketId)
    if (ticket === undefined) throw new AblaufError('NOT_FOUND', `ticket ${ticketId} does not exist`, { ticketId })
    // Idempotent: a ticket that already ran a process (or runs one) starts nothing again.
    if (!fresh && (await tx.instances.list({ ticketId, limit: 1 })).length > 0) return undefined
    const startable = await tx.processes.listStartable()
    const match = matchStart(startable.map((v) => v.definition), ticket)
    if (match.definition === undefined) return undefined
    const chosen = startable.find((v) => v.definition === match.definition)
    if (chosen === undefined) return undefined
    if (match.others.length > 0) {
      const others = match.others.map((d) => d.id)
      await tx.history.append([{
        ticketId,
        instanceId: null,
        entry: { type: 'start.skipped', at, actor, message: `"${chosen.processId}" started; also matching, not started: ${others.map((o) => `"${o}"`).join(', ')}`, data: { started: chosen.processId, others } },
      }])
    }
    const result = start(chosen.definition, ticket, { instanceId: newId(), now: scope.now, version: chosen.hash }, scope.env)
    options.metrics?.instancesStarted.inc({ process: chosen.processId })
    log.info({ instanceId: result.instance.id, processId: chosen.processId, version: chosen.hash, ticketId }, 'process started')
    await runner.advance(scope, { definition: chosen.definition, hash: chosen.hash }, result, true, actor)
    return result.instance.id
  }

  async function stepInstance(scope: StepScope, instanceId: string, event: ProcessEvent, actor?: Actor): Promise<ProcessInstance | undefined> {
    const instance = await scope.tx.instances.getForUpdate(instanceId)
    if (instance === undefined) return undefined
    const ticket = await scope.tx.tickets.getForUpdate(instance.ticketId)
    if (ticket === undefined) throw new AblaufError('NOT_FOUND', `ticket ${instance.ticketId} of instance ${instanceId} does not exist`)
    const version = await versions.byHash(scope.tx, instance.processId, instance.version)
    const result = step(version.definition, instance, { ...event, ticket }, scope.now, scope.env)
    return runner.advance(scope, version, result, false, actor)
  }

  return {
    async ticketCreated(ticketId, actor) {
      await inTransaction((scope) => startProcess(scope, ticketId, actor, false))
    },

    async startInTransaction(tx, ticketId, actor) {
      const id = await inScope(tx, (scope) => startProcess(scope, ticketId, actor, true))
      // Read after the follow-ups: a sub-process that ended at once may have moved the instance on.
      return id === undefined ? undefined : tx.instances.get(id)
    },

    async ticketUpdated(ticketId, actor) {
      await inTransaction(async (scope) => {
        const waiting = (await scope.tx.instances.list({ ticketId, status: 'running' })).filter((i) => i.waiting?.for === 'condition')
        for (const instance of waiting) await stepInstance(scope, instance.id, { type: 'ticket.updated' }, actor)
      })
    },

    async submitDialog(taskId, submission, actor, authorize) {
      return inTransaction(async (scope) => {
        const task = await scope.tx.userTasks.get(taskId)
        if (authorize !== undefined) authorize(task, task === undefined ? undefined : await scope.tx.tickets.get(task.ticketId))
        if (task === undefined) throw new AblaufError('NOT_FOUND', `task ${taskId} does not exist`, { taskId })
        if (task.status !== 'open') throw new AblaufError('WRONG_ACTIVITY', `task ${taskId} is closed; the process has moved on`, { taskId, activity: task.activity })
        const event: ProcessEvent = {
          type: 'dialog.submitted',
          activity: task.activity,
          dialog: submission.dialog,
          values: submission.values,
          ...(submission.article === undefined ? {} : { article: submission.article }),
          actor,
        }
        const instance = await stepInstance(scope, task.instanceId, event, actor)
        if (instance === undefined) throw new AblaufError('NOT_FOUND', `instance ${task.instanceId} of task ${taskId} does not exist`)
        return instance
      })
    },

    async retry(instanceId, actor) {
      return inTransaction(async (scope) => {
        const instance = await stepInstance(scope, instanceId, { type: 'retry', actor }, actor)
        if (instance === undefined) throw new AblaufError('NOT_FOUND', `instance ${instanceId} does not exist`, { instanceId })
        return instance
      })
    },

    async deliver(instanceId, event, settle) {
      return inTransaction(async (scope) => {
        const instance = await stepInstance(scope, instanceId, event, SYSTEM)
        if (settle !== undefined) await settle(scope.tx)
        return instance
      })
    },
  }
}
