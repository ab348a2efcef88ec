import type { Incident } from './runtime-types.js'
import type { StepContext } from './step-context.js'

/** Puts the instance into `incident` at its current activity; an operator's retry re-enters it. */
export function raiseIncident(ctx: StepContext, code: string, message: string): void {
  const incident: Incident = { code, message, activity: ctx.instance.activity, at: ctx.at }
  ctx.instance = { ...ctx.instance, status: 'incident', waiting: null, incident }
  ctx.effects.push({ type: 'incident.raised', incident })
  ctx.history.push({ type: 'incident', at: ctx.at, code, message, activity: incident.activity })
}
