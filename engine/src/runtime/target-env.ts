import type { Person, RuntimeEnv } from '@ablauf/sdk/runtime'
import { isAblaufError } from '@ablauf/sdk/errors'
import type { TargetSnapshot } from '@ablauf/sdk/target'
import { checkFieldUpdates } from '../tickets/ticket-target-check.js'

/**
 * The runtime environment the pure core sees: people from the target snapshot (for `{{owner.Email}}`,
 * `{{customer.FirstName}}`, …) and the check of values scripts and services write, falling back to the
 * injected `extra` look-ups.
 */
export function targetEnv(target: Partial<TargetSnapshot> | undefined, extra?: RuntimeEnv): RuntimeEnv {
  const users = new Map<string, Person>()
  const customers = new Map<string, Person>()
  for (const u of target?.users ?? []) users.set(u.login, { Login: u.login, Email: u.email, FirstName: u.firstName, LastName: u.lastName })
  for (const c of target?.customerUsers ?? []) {
    customers.set(c.login, { Login: c.login, Email: c.email, FirstName: c.firstName, LastName: c.lastName, CustomerID: c.customerId })
  }
  const fieldValuesProblem = target === undefined || !isWhole(target) ? extra?.fieldValuesProblem?.bind(extra) : refusal(target)
  return {
    person(login, kind) {
      return (kind === 'user' ? users : customers).get(login) ?? extra?.person(login, kind)
    },
    ...(extra?.activeVersion === undefined ? {} : { activeVersion: extra.activeVersion.bind(extra) }),
    ...(fieldValuesProblem === undefined ? {} : { fieldValuesProblem }),
  }
}

function isWhole(target: Partial<TargetSnapshot>): target is TargetSnapshot {
  return target.queues !== undefined && target.states !== undefined && target.dynamicFields !== undefined
}

/** Script outputs and service responses are held to what the ticket API accepts, so no process writes what an agent could not. */
function refusal(target: TargetSnapshot): NonNullable<RuntimeEnv['fieldValuesProblem']> {
  return (values) => {
    try {
      checkFieldUpdates(values, target)
      return undefined
    } catch (err) {
      if (isAblaufError(err, 'BAD_REQUEST')) return err.message
      throw err
    }
  }
}
