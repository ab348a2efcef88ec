import type { Activity, ProcessDefinition, Transition } from '@ablauf/sdk'
import { actionLabel } from './action-label.js'
import { conditionLabel } from './condition-label.js'

/** Text safe inside a quoted Mermaid label: quotes, angle brackets, `#` and `|` as entity codes. */
export function mermaidText(text: string): string {
  return text.replace(/#/g, '#35;').replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/\|/g, '#124;').replace(/\r?\n/g, ' ')
}

/** Kebab-case ids become node ids that cannot clash with Mermaid keywords (`end`) or arrows (`-`). */
export function nodeId(activityId: string): string {
  return `a_${activityId.replace(/-/g, '_')}`
}

function detail(a: Activity): string | undefined {
  switch (a.kind) {
    case 'script':
      return `script ${a.script}`
    case 'service':
      return `${a.webService} · ${a.invoker}`
    case 'subprocess':
      return `process ${a.process}`
    default:
      return undefined
  }
}

function node(a: Activity): string {
  const extra = detail(a)
  const label = extra === undefined ? mermaidText(a.name) : `${mermaidText(a.name)}<br/><small>${mermaidText(extra)}</small>`
  const id = nodeId(a.id)
  switch (a.kind) {
    case 'user':
      return `${id}["${label}"]`
    case 'script':
      return `${id}[["${label}"]]`
    case 'service':
      return `${id}{{"${label}"}}`
    case 'subprocess':
      return `${id}[/"${label}"\\]`
    case 'wait':
      return `${id}(["${label}"])`
    case 'end':
      return `${id}((("${label}")))`
  }
}

const MAX_LABEL = 80

function edgeLabel(t: Transition): string {
  const parts: string[] = []
  if (t.on === 'error') parts.push('error')
  if (t.condition) parts.push(conditionLabel(t.condition))
  if (t.actions.length > 0) parts.push(t.actions.map(actionLabel).join(', '))
  const text = parts.join(' / ')
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text
}

function edge(t: Transition): string {
  const arrow = t.on === 'error' ? '-.->' : '-->'
  const label = edgeLabel(t)
  return `  ${nodeId(t.from)} ${arrow}${label === '' ? '' : `|"${mermaidText(label)}"|`} ${nodeId(t.to)}`
}

/**
 * A Mermaid flowchart of a process: one shape per activity kind (user task rectangle, script
 * subroutine, service hexagon, sub-process trapezoid, wait stadium, end double circle), a start
 * marker with the trigger, transitions labelled with their condition and actions, error paths dashed.
 * Pure and deterministic.
 *
 * @example
 * ```ts
 * renderMermaid(definition) // 'flowchart TD\n  start_(("start")) -->|"ticket created"| a_classify\n…'
 * ```
 */
export function renderMermaid(def: ProcessDefinition): string {
  const trigger = def.start.on === 'manual' ? 'manual' : def.start.when ? `ticket created: ${conditionLabel(def.start.when)}` : 'ticket created'
  const lines = [
    '---',
    `title: ${JSON.stringify(def.name)}`,
    '---',
    'flowchart TD',
    '  start_(("start")):::start',
    ...def.activities.map((a) => `  ${node(a)}`),
    `  start_ -->|"${mermaidText(trigger)}"| ${nodeId(def.start.activity)}`,
    ...def.transitions.map(edge),
    '  classDef start fill:#222,color:#fff,stroke:#222',
  ]
  return `${lines.join('\n')}\n`
}
