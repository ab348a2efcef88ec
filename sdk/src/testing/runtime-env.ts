import { dynamicFieldValuesCheck, type SimulatedDynamicField } from './field-values-check.js'
import type { Person, RuntimeEnv } from '../runtime/runtime-types.js'

/**
 * The parts of a target snapshot a runtime env needs; a whole `TargetSnapshot` fits.
 *
 * @example
 * ```ts
 * const people: RuntimeEnvSource = { users: [{ login: 'jdoe', email: 'john@example.com' }] }
 * ```
 */
export interface RuntimeEnvSource {
  users?: ReadonlyArray<{ login: string; firstName?: string; lastName?: string; email?: string }>
  customerUsers?: ReadonlyArray<{ login: string; customerId: string; firstName?: string; lastName?: string; email?: string }>
  /** E-mail templates, so `sendEmail({ template })` comes back rendered as the engine would send it. */
  emailTemplates?: ReadonlyArray<{ name: string; subject?: string; body?: string }>
  /**
   * Dynamic fields, so a script or service stub that writes a value its field lacks fails the task as
   * it would in the engine (error path or incident) instead of passing the test.
   */
  dynamicFields?: readonly SimulatedDynamicField[]
}

/**
 * A {@link RuntimeEnv} over a target's agents and customer users, so placeholders such as
 * `{{owner.Email}}` and `{{customer.FirstName}}` render. `versions` answers `activeVersion` for
 * sub-processes started as `latest`.
 *
 * @example
 * ```ts
 * const env = createRuntimeEnv({ customerUsers: [{ login: 'jane', customerId: 'ACME', email: 'jane@acme.example' }] })
 * env.person('jane', 'customer')?.Email // 'jane@acme.example'
 * ```
 */
export function createRuntimeEnv(source: RuntimeEnvSource = {}, versions: Readonly<Record<string, string>> = {}): RuntimeEnv {
  const users = new Map<string, Person>()
  for (const u of source.users ?? []) {
    users.set(u.login, { Login: u.login, Email: u.email ?? '', FirstName: u.firstName ?? '', LastName: u.lastName ?? '' })
  }
  const customers = new Map<string, Person>()
  for (const c of source.customerUsers ?? []) {
    customers.set(c.login, {
      Login: c.login,
      Email: c.email ?? '',
      FirstName: c.firstName ?? '',
      LastName: c.lastName ?? '',
      CustomerID: c.customerId,
    })
  }
  return {
    person: (login, kind) => (kind === 'customer' ? customers : users).get(login),
    activeVersion: (processId) => versions[processId],
    ...(source.dynamicFields === undefined ? {} : { fieldValuesProblem: dynamicFieldValuesCheck(source.dynamicFields) }),
  }
}
