import type { ProcessDefinition } from '@ablauf/sdk/definition'
import { changeText, plural, runningText, summaryLine, versionLabel } from './change-text.js'
import type { Plan, PlanStep } from './plan-types.js'

/** Options of the Markdown renderer; `diagram` turns a definition into a Mermaid flowchart (no fences). */
export interface MarkdownOptions {
  diagram?: (definition: ProcessDefinition) => string
}

const ICON = { create: '➕', update: '✏️', 'fade-away': '🌅' } as const
const SIGN_ICON = { '+': '➕', '-': '➖', '~': '✏️' } as const

/**
 * A plan for pull requests: the summary line first, a section per changed process with a table of the
 * semantic changes and the running tickets, and before/after Mermaid diagrams when `diagram` is given.
 */
export function renderPlanMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
  const parts = [summaryLine(plan.summary), '', '## Ablauf plan']
  for (const step of plan.steps) {
    if (step.op !== 'unchanged') parts.push('', ...section(step, options))
  }
  const unchanged = plan.steps.filter((s) => s.op === 'unchanged')
  if (unchanged.length > 0) {
    parts.push(
      '',
      `<details><summary>${plural(unchanged.length, 'process', 'processes')} unchanged</summary>`,
      '',
      unchanged.map((s) => code(s.processId)).join(', '),
      '',
      '</details>',
    )
  }
  if (plan.steps.length === 0) parts.push('', 'No processes in the repository and none deployed.')
  return `${parts.join('\n')}\n`
}

function section(step: Exclude<PlanStep, { op: 'unchanged' }>, options: MarkdownOptions): string[] {
  switch (step.op) {
    case 'create': {
      const lines = [
        `### ${ICON.create} Create ${code(step.processId)} — ${escape(step.name)}`,
        '',
        `${plural(step.after.activities.length, 'activity', 'activities')}, ${plural(step.after.transitions.length, 'transition')}.`,
      ]
      if (options.diagram) lines.push('', ...details('Diagram', [mermaid(options.diagram(step.after))]))
      return lines
    }
    case 'update': {
      const lines = [
        `### ${ICON.update} Update ${code(step.processId)} — ${escape(step.name)} (${versionLabel(step.fromVersion)} → new version)`,
        '',
        '| | change | properties |',
        '|---|---|---|',
      ]
      for (const change of step.changes) {
        const t = changeText(change)
        const subject = t.nested ? `↳ ${escape(t.subject)}` : escape(t.subject)
        lines.push(`| ${SIGN_ICON[t.sign]} | ${subject} | ${t.properties.map(escape).join(', ')} |`)
      }
      if (step.changes.length === 0) lines.push('| ✏️ | definition differs (the deployed version could not be compared) | |')
      lines.push('', `**Running tickets:** ${escape(runningText(step.running))}.`)
      if (options.diagram && step.before !== null) {
        const body = ['**Before**', '', mermaid(options.diagram(step.before)), '', '**After**', '', mermaid(options.diagram(step.after))]
        lines.push('', ...details('Before / after diagram', body))
      }
      return lines
    }
    case 'fade-away':
      return [
        `### ${ICON['fade-away']} Fade away ${code(step.processId)} (${versionLabel(step.version)})`,
        '',
        `No new tickets start it; it is removed once drained. **Running tickets:** ${escape(runningText(step.running))}.`,
      ]
  }
}

function details(summary: string, body: string[]): string[] {
  return [`<details><summary>${summary}</summary>`, '', ...body, '', '</details>']
}

function mermaid(source: string): string {
  return ['```mermaid', source.trimEnd(), '```'].join('\n')
}

function code(text: string): string {
  return `\`${text.replaceAll('`', "'")}\``
}

/** Keeps user text from breaking a table or opening HTML. */
function escape(text: string): string {
  return text.replace(/[|<>]/g, (c) => ({ '|': '\\|', '<': '&lt;', '>': '&gt;' })[c] ?? c)
}
