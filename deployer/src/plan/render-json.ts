import type { Plan } from './plan-types.js'

/** The plan as JSON for tools (`ablauf plan --format json`): the plan data itself, pretty-printed. */
export function renderPlanJson(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`
}
