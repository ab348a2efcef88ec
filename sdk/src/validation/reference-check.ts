import type { Issue } from '../errors.js'
import { error, type IssuePath, type TargetIndex } from './rule-context.js'
import { unknownMessage } from './suggest.js'
import type { ValidationCode } from './validation-codes.js'

/** The kinds of name a definition can refer to in the target. */
export type RefKind = 'queue' | 'state' | 'priority' | 'type' | 'service' | 'sla' | 'user' | 'customerUser' | 'role' | 'template'

const REFS: Record<RefKind, { code: ValidationCode; noun: string; names: (t: TargetIndex) => string[] }> = {
  queue: { code: 'UNKNOWN_QUEUE', noun: 'queue', names: (t) => t.queues },
  state: { code: 'UNKNOWN_STATE', noun: 'state', names: (t) => t.states },
  priority: { code: 'UNKNOWN_PRIORITY', noun: 'priority', names: (t) => t.priorities },
  type: { code: 'UNKNOWN_TYPE', noun: 'ticket type', names: (t) => t.types },
  service: { code: 'UNKNOWN_SERVICE', noun: 'service', names: (t) => t.services },
  sla: { code: 'UNKNOWN_SLA', noun: 'SLA', names: (t) => t.slas },
  user: { code: 'UNKNOWN_USER', noun: 'agent', names: (t) => t.users },
  customerUser: { code: 'UNKNOWN_CUSTOMER_USER', noun: 'customer user', names: (t) => t.customerUsers },
  role: { code: 'UNKNOWN_ROLE', noun: 'role', names: (t) => t.roles },
  template: { code: 'UNKNOWN_TEMPLATE', noun: 'e-mail template', names: (t) => t.templates },
}

/**
 * Checks that `name` exists in the target. Customer users are checked only when the snapshot lists
 * some: they often live in an external directory (LDAP) that a snapshot does not copy.
 */
export function checkRef(target: TargetIndex, kind: RefKind, name: string, path: IssuePath): Issue[] {
  const ref = REFS[kind]
  const names = ref.names(target)
  if (names.includes(name)) return []
  if (kind === 'customerUser' && names.length === 0) return []
  return [error(ref.code, path, unknownMessage(ref.noun, name, names))]
}

/** Checks a `DynamicField_<Name>` or bare dynamic field name against the target. */
export function checkDynamicField(target: TargetIndex, name: string, path: IssuePath): Issue[] {
  if (target.dynamicFields.has(name)) return []
  return [error('UNKNOWN_DYNAMIC_FIELD', path, unknownMessage('dynamic field', name, target.dynamicFields.keys()))]
}
