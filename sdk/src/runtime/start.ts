import type { ProcessInstance, StartFunction } from './runtime-types.js'
import { enterAndChain } from './run-chain.js'
import { createStepContext, finishStep } from './step-context.js'

/**
 * Starts a process on a ticket: a new instance (seq 1 after this first step) entered into the start
 * activity and chained on as far as it goes without outside input. Pure, like {@link step}.
 *
 * @example
 * ```ts
 * import { start } from '@ablauf/sdk/runtime'
 * const r = start(definition, ticket, { instanceId: 'i-42', now: new Date(), version: hash })
 * r.instance.waiting // { for: 'script', key: 'i-42:classify:1' }
 * r.effects[0]       // { type: 'script.run', key: 'i-42:classify:1', script: 'classify-by-keywords', … }
 * ```
 */
export const start: StartFunction = (definition, ticket, options, env) => {
  const at = options.now.toISOString()
  const instance: ProcessInstance = {
    id: options.instanceId,
    processId: definition.id,
    version: options.version ?? 'unversioned',
    ticketId: ticket.id,
    status: 'running',
    activity: null,
    waiting: null,
    parent: options.parent ?? null,
    incident: null,
    seq: 0,
    test: options.test ?? ticket.test,
    startedAt: at,
    updatedAt: at,
    endedAt: null,
  }
  const ctx = createStepContext(definition, instance, ticket, options.now, env)
  ctx.history.push({ type: 'process.started', at, processId: definition.id, version: instance.version })
  enterAndChain(ctx, definition.start.activity)
  return finishStep(ctx)
}
