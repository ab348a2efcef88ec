import { AblaufError } from '../errors.js'
import type { ProcessEvent, TicketSnapshot } from '../runtime/runtime-types.js'
import type { Effect } from '../runtime/runtime-types.js'
import type { ScriptStub, ServiceReply, ServiceStub } from './scenario-types.js'

type ScriptRun = Extract<Effect, { type: 'script.run' }>
type ServiceCallEffect = Extract<Effect, { type: 'service.call' }>

/** Runs a script stub and turns its reply into the event the engine's worker would report. */
export function scriptEvent(stub: ScriptStub | undefined, job: ScriptRun, ticket: TicketSnapshot, now: Date): ProcessEvent {
  if (stub === undefined) {
    throw new AblaufError('BAD_REQUEST', `activity "${job.activity}" runs script "${job.script}", but the scenario has no stub for it; add scripts: { '${job.script}': { … } }`, { script: job.script })
  }
  let reply
  try {
    reply = typeof stub === 'function' ? stub({ params: job.params, ticket, now }) : stub
  } catch (err) {
    return { type: 'script.failed', key: job.key, error: { code: 'SCRIPT_ERROR', message: err instanceof Error ? err.message : String(err) } }
  }
  if ('error' in reply && typeof reply.error === 'string') return { type: 'script.failed', key: job.key, error: { code: 'SCRIPT_ERROR', message: reply.error } }
  return { type: 'script.completed', key: job.key, updates: reply }
}

/**
 * Calls a service stub as the job worker would: transport failures (`{ error }`) are retried up to the
 * activity's `retries`; any HTTP answer is reported as is, and the step judges it by `failOn`.
 * `calls` counts earlier calls of this stub, so sequences continue across activities.
 */
export function serviceEvent(
  stub: ServiceStub | undefined,
  job: ServiceCallEffect,
  ticket: TicketSnapshot,
  calls: number,
): { event: ProcessEvent; calls: number } {
  const name = `${job.webService}/${job.invoker}`
  if (stub === undefined) {
    throw new AblaufError('BAD_REQUEST', `activity "${job.activity}" calls ${name}, but the scenario has no stub for it; add services: { '${name}': { status: 200, body: { … } } }`, { service: name })
  }
  let attempt = 0
  for (;;) {
    attempt += 1
    calls += 1
    const reply = replyOf(stub, { request: job.request, ticket, attempt, call: calls })
    if (!('error' in reply)) {
      const response = { status: reply.status, body: reply.body ?? null, ...(reply.headers === undefined ? {} : { headers: reply.headers }) }
      return { event: { type: 'service.succeeded', key: job.key, response, attempts: attempt }, calls }
    }
    if (attempt > job.retries) {
      const message = reply.message ?? (reply.error === 'TIMEOUT' ? `no answer within ${job.timeoutMs} ms` : `${name} failed`)
      return { event: { type: 'service.failed', key: job.key, error: { code: reply.error, message }, attempts: attempt }, calls }
    }
  }
}

function replyOf(stub: ServiceStub, call: { request: Record<string, string>; ticket: TicketSnapshot; attempt: number; call: number }): ServiceReply {
  if (typeof stub === 'function') return stub(call)
  if (Array.isArray(stub)) {
    const reply = stub[Math.min(call.call, stub.length) - 1]
    if (reply === undefined) throw new AblaufError('BAD_REQUEST', 'a service stub sequence needs at least one reply')
    return reply
  }
  return stub
}
