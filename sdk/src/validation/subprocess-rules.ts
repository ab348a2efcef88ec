import type { ProcessDefinition } from '../definition/definition-schema.js'
import type { Issue } from '../errors.js'
import { error, type RuleContext } from './rule-context.js'
import { unknownMessage } from './suggest.js'

/**
 * With the set of definitions deployed together: every sub-process names a process of the set, and
 * no process reaches itself through sub-processes.
 */
export function subprocessRules({ def, definitions }: RuleContext): Issue[] {
  if (definitions === undefined) return []
  const set = [def, ...definitions.filter((d) => d.id !== def.id)]
  const ids = set.map((d) => d.id)
  const out: Issue[] = []
  def.activities.forEach((a, i) => {
    if (a.kind !== 'subprocess') return
    if (!ids.includes(a.process)) {
      out.push(error('UNKNOWN_PROCESS', ['activities', i, 'process'], unknownMessage('process', a.process, ids, ' in this deployment')))
      return
    }
    const cycle = cycleBack(set, a.process, def.id)
    if (cycle !== undefined) {
      const shown = [def.id, ...cycle].join(' → ')
      out.push(error('SUBPROCESS_CYCLE', ['activities', i, 'process'], `sub-processes start each other in a circle: ${shown}; break the circle`))
    }
  })
  return out
}

/** The shortest chain of sub-process calls from `from` back to `home` (both included), if any. */
function cycleBack(set: readonly ProcessDefinition[], from: string, home: string): string[] | undefined {
  const calls = new Map(set.map((d) => [d.id, d.activities.flatMap((a) => (a.kind === 'subprocess' ? [a.process] : []))]))
  const previous = new Map<string, string | undefined>([[from, undefined]])
  const queue = [from]
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (id === home) {
      const chain: string[] = []
      for (let at: string | undefined = id; at !== undefined; at = previous.get(at)) chain.unshift(at)
      return chain
    }
    for (const next of calls.get(id) ?? []) {
      if (!previous.has(next)) {
        previous.set(next, id)
        queue.push(next)
      }
    }
  }
  return undefined
}
