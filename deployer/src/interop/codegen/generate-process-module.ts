import type { Condition, ProcessDefinition, Transition } from '@ablauf/sdk/definition'
import { todosOf } from '../interop-warning.js'
import { actionCode } from './action-code.js'
import { activityCode } from './activity-code.js'
import { lit, str } from './code-literal.js'
import { conditionCode } from './condition-code.js'

/** The DSL's transition ids: explicit ones win, the rest `<from>-to-<to>`, `-2`, … in order. */
function dslIds(transitions: readonly Transition[], explicit: ReadonlySet<number>): string[] {
  const taken = new Set(transitions.filter((_, i) => explicit.has(i)).map((t) => t.id))
  const seen = new Map<string, number>()
  return transitions.map((t, i) => {
    if (explicit.has(i)) return t.id
    const stem = `${t.from}-to-${t.to}`
    let n = seen.get(stem) ?? 0
    let id: string
    do {
      n += 1
      id = n === 1 ? stem : `${stem}-${n}`
    } while (taken.has(id))
    seen.set(stem, n)
    taken.add(id)
    return id
  })
}

/** Which transitions need an explicit `id` so that the DSL gives every transition its id. */
function explicitIds(transitions: readonly Transition[]): Set<number> {
  const explicit = new Set<number>()
  for (let round = 0; round <= transitions.length; round++) {
    const ids = dslIds(transitions, explicit)
    const wrong = transitions.flatMap((t, i) => (ids[i] === t.id ? [] : [i]))
    if (wrong.length === 0) return explicit
    for (const i of wrong) explicit.add(i)
  }
  return new Set(transitions.map((_, i) => i))
}

function todoComments(description: string | undefined, pad: string): string[] {
  return todosOf(description).map((t) => `${pad}// TODO(znuny-import): ${t}`)
}

/**
 * A definition → the source of a readable process module: the builder chain an author would write,
 * defaults left out, conditions with `field()` / `all()` / …, actions with their helpers, and a
 * `// TODO(znuny-import): …` comment above every element with an unmapped Znuny item. Evaluating the
 * module gives back the identical definition (same content hash).
 *
 * @example
 * ```ts
 * await writeFile('processes/book-ordering.process.ts', generateProcessModule(definition))
 * ```
 */
export function generateProcessModule(def: ProcessDefinition, options: { sdkImport?: string } = {}): string {
  const used = new Set<string>(['defineProcess'])
  const pad = '  '
  const start = def.start
  const startCode = {
    on: start.on,
    when: start.on === 'ticket.created' && start.when ? conditionCode(start.when, used, `${pad}  `) : undefined,
    activity: start.activity === def.activities[0]?.id ? undefined : start.activity,
    dialog: start.on === 'manual' ? start.dialog : undefined,
    priority: start.priority === 0 ? undefined : start.priority,
  }
  const head = lit({ name: def.name, description: def.description, state: def.state === 'active' ? undefined : def.state, start: startCode })
  const lines: string[] = [...todoComments(def.description, ''), `export default defineProcess(${str(def.id)}, ${head})`]
  for (const a of def.activities) {
    lines.push(...todoComments(a.description, pad), `${pad}${activityCode(a, pad).text}`)
  }
  const explicit = explicitIds(def.transitions)
  def.transitions.forEach((t, i) => {
    const when: Condition | undefined = t.condition
    const opts = {
      id: explicit.has(i) ? t.id : undefined,
      name: t.name,
      description: t.description,
      on: t.on,
      when: when === undefined ? undefined : conditionCode(when, used, `${pad}  `),
      actions: t.actions.length === 0 ? undefined : t.actions.map((a) => actionCode(a, used, `${pad}    `)),
    }
    const hasOpts = Object.values(opts).some((v) => v !== undefined)
    const args = [str(t.from), str(t.to), ...(hasOpts ? [lit(opts, pad)] : [])].join(', ')
    lines.push(...todoComments(t.description, pad), `${pad}.transition(${args})`)
  })
  const order = ['defineProcess', 'field', 'all', 'any', 'one', 'not']
  const names = [...used].sort((a, b) => {
    const ia = order.indexOf(a)
    const ib = order.indexOf(b)
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b)
  })
  const header = `import { ${names.join(', ')} } from ${str(options.sdkImport ?? '@ablauf/sdk')}`
  return `${header}\n\n${lines.join('\n')}\n`
}
