import type { TicketField } from '../definition/fields.js'
import { dynamicFieldName, isDynamicFieldRef } from '../definition/fields.js'
import type { Issue } from '../errors.js'
import { checkFieldValue } from './field-value-check.js'
import { checkDynamicField, checkRef } from './reference-check.js'
import { error, type RuleContext } from './rule-context.js'

/**
 * Fields Znuny never shows in a customer dialog: CustomerTicketProcess skips Owner, Responsible, Lock,
 * PendingTime and CustomerID (our CustomerUser and CustomerID together are Znuny's CustomerID field).
 */
export const AGENT_ONLY_FIELDS: readonly TicketField[] = ['Owner', 'Responsible', 'Lock', 'PendingTime', 'CustomerUser', 'CustomerID']

/**
 * Dialog fields: each once, hidden ones with a default, no required field a customer-only dialog
 * cannot show; with a target, dynamic fields, defaults and permission roles exist.
 */
export function dialogRules({ def, target }: RuleContext): Issue[] {
  const out: Issue[] = []
  def.activities.forEach((a, i) => {
    if (a.kind !== 'user') return
    a.dialogs.forEach((d, k) => {
      const at = ['activities', i, 'dialogs', k] as const
      const customerOnly = d.interface.every((x) => x === 'customer')
      const seen = new Set<string>()
      d.fields.forEach((f, n) => {
        const path = [...at, 'fields', n]
        if (seen.has(f.field)) {
          out.push(error('DUPLICATE_FIELD', [...path, 'field'], `dialog "${d.id}" lists ${f.field} twice; keep one entry`))
        }
        seen.add(f.field)
        if (f.display === 'hidden' && f.default === undefined) {
          out.push(error('HIDDEN_WITHOUT_DEFAULT', path, `${f.field} is hidden but has no default, so the dialog sets nothing; give it a default or show it`))
        }
        if (customerOnly && f.display === 'required' && (AGENT_ONLY_FIELDS as readonly string[]).includes(f.field)) {
          out.push(error('HIDDEN_REQUIRED', [...path, 'display'], `${f.field} is required, but customer dialogs never show it (agents only), so "${d.id}" cannot be submitted; make it hidden with a default, or add the agent interface`))
        }
        if (target === undefined) return
        if (isDynamicFieldRef(f.field)) {
          const unknown = checkDynamicField(target, dynamicFieldName(f.field), [...path, 'field'])
          out.push(...unknown)
          if (unknown.length > 0) return
        }
        if (f.default !== undefined && f.field !== 'Article') {
          out.push(...checkFieldValue(target, f.field, f.default, [...path, 'default'], 'set'))
        }
      })
      if (target !== undefined && d.permission !== undefined) out.push(...checkRef(target, 'role', d.permission, [...at, 'permission']))
    })
  })
  return out
}
