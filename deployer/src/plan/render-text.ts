import { changeText, plural, runningText, summaryLine, versionLabel } from './change-text.js'
import type { Plan, PlanStep } from './plan-types.js'

/**
 * A plan for terminals: the summary line, then one block per process that changes
 * (`+` create, `~` update with its semantic changes, `-` fade away), then the unchanged count.
 */
export function renderPlanText(plan: Plan): string {
  const lines = [`Plan: ${summaryLine(plan.summary)}`]
  for (const step of plan.steps) {
    if (step.op === 'unchanged') continue
    lines.push('', ...stepLines(step))
  }
  if (plan.summary.unchanged > 0) {
    lines.push('', `${plural(plan.summary.unchanged, 'process', 'processes')} unchanged`)
  }
  return `${lines.join('\n')}\n`
}

function stepLines(step: Exclude<PlanStep, { op: 'unchanged' }>): string[] {
  switch (step.op) {
    case 'create':
      return [
        `+ create ${step.processId} "${step.name}"`,
        `    ${plural(step.after.activities.length, 'activity', 'activities')}, ${plural(step.after.transitions.length, 'transition')}`,
      ]
    case 'update': {
      const lines = [`~ update ${step.processId} "${step.name}" ${versionLabel(step.fromVersion)} → new version`]
      for (const change of step.changes) {
        const t = changeText(change)
        const props = t.properties.length > 0 ? `: ${t.properties.join(', ')}` : ''
        lines.push(`${t.nested ? '        ' : '    '}${t.sign} ${t.subject}${props}`)
      }
      if (step.changes.length === 0) lines.push('    ~ definition differs (the deployed version could not be compared)')
      lines.push(`    ${runningText(step.running)}`)
      return lines
    }
    case 'fade-away':
      return [
        `- fade away ${step.processId} ${versionLabel(step.version)} (no new tickets start it)`,
        `    ${runningText(step.running)}`,
      ]
  }
}
