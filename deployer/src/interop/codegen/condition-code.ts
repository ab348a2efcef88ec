import type { CompareCondition, Condition } from '@ablauf/sdk/definition'
import { Code, call } from './code-literal.js'

/**
 * A condition as DSL code: `field('Queue').eq('Hardware')`, `all(…)`, `any(…)`, `one(…)`, `not(…)`.
 * Records the helpers it uses in `used`.
 */
export function conditionCode(c: Condition, used: Set<string>, pad = ''): Code {
  switch (c.op) {
    case 'all':
    case 'any':
    case 'one':
    case 'not': {
      used.add(c.op)
      const of = c.op === 'not' ? [c.of] : c.of
      return new Code(call(c.op, of.map((x) => conditionCode(x, used, `${pad}  `)), pad))
    }
    default: {
      used.add('field')
      const f = call('field', [c.field])
      if (c.op === 'in') return new Code(`${f}.in(${call('', [c.values], pad).slice(1, -1)})`)
      if (c.op === 'regex') return new Code(`${f}${call('.regex', c.flags === undefined ? [c.pattern] : [c.pattern, c.flags], pad)}`)
      if (c.op === 'empty' || c.op === 'notEmpty') return new Code(`${f}.${c.op}()`)
      const compare = c as CompareCondition
      return new Code(`${f}${call(`.${compare.op}`, [compare.value], pad)}`)
    }
  }
}
