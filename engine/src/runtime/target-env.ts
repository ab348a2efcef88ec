import type { Person, RuntimeEnv } from '@ablauf/sdk/runtime'
import type { TargetSnapshot } from '@ablauf/sdk/target'

/**
 * The runtime environment the pure core sees: people from the target snapshot (for `{{owner.Email}}`,
 * `{{customer.FirstName}}`, …), falling back to the injected `extra` look-ups.
 */
export function targetEnv(target: Partial<Pick<TargetSnapshot, 'users' | 'customerUsers'>> | undefined, extra?: RuntimeEnv): RuntimeEnv {
  const users = new Map<string, Person>()
  const customers = new Map<string, Person>()
  for (const u of target?.users ?? []) users.set(u.login, { Login: u.login, Email: u.email, FirstName: u.firstName, LastName: u.lastName })
  for (const c of target?.customerUsers ?? []) {
    customers.set(c.login, { Login: c.login, Email: c.email, FirstName: c.firstName, LastName: c.lastName, CustomerID: c.customerId })
  }
  return {
    person(login, kind) {
      return (kind === 'user' ? users : customers).get(login) ?? extra?.person(login, kind)
    },
    ...(extra?.activeVersion === undefined ? {} : { activeVersion: extra.activeVersion.bind(extra) }),
  }
}
