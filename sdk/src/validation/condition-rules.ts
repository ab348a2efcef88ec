import { dynamicFieldName, isDynamicFieldRef } from '../definition/fields.js'
import type { Issue } from '../errors.js'
import { fieldTestsOf } from './definition-walk.js'
import { checkFieldValue } from './field-value-check.js'
import { checkDynamicField } from './reference-check.js'
import { error, type RuleContext } from './rule-context.js'

/**
 * Conditions: regular expressions compile; with a target, dynamic fields exist and compared values
 * have the field's type and name existing queues, states, Dropdown values, …
 */
export function conditionRules({ def, target }: RuleContext): Issue[] {
  const out: Issue[] = []
  for (const { value: test, path } of fieldTestsOf(def)) {
    if (test.op === 'regex') {
      try {
        new RegExp(test.pattern, test.flags)
      } catch (err) {
        out.push(error('REGEX_INVALID', [...path, 'pattern'], `the pattern /${test.pattern}/ does not compile (${(err as Error).message}); fix it or escape special characters with \\`))
      }
    }
    if (target === undefined) continue
    if (isDynamicFieldRef(test.field)) {
      const unknown = checkDynamicField(target, dynamicFieldName(test.field), [...path, 'field'])
      out.push(...unknown)
      if (unknown.length > 0) continue
    }
    if (test.op === 'in') {
      test.values.forEach((v, n) => out.push(...checkFieldValue(target, test.field, v, [...path, 'values', n], 'compare')))
    } else if (test.op === 'contains' && !isMultiselect(target.dynamicFields, test.field)) {
      // A substring of a text, not a whole value: only its type can be checked.
      if (typeof test.value !== 'string') {
        out.push(error('CONDITION_TYPE', [...path, 'value'], `"contains" looks for a piece of text; use a string, not ${String(test.value)}`))
      }
    } else if ('value' in test) {
      out.push(...checkFieldValue(target, test.field, test.value, [...path, 'value'], 'compare'))
    }
  }
  return out
}

function isMultiselect(fields: ReadonlyMap<string, { type: string }>, field: string): boolean {
  return isDynamicFieldRef(field) && fields.get(dynamicFieldName(field))?.type === 'Multiselect'
}
