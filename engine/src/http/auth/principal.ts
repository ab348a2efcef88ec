import { AblaufError } from '@ablauf/sdk/errors'
import type { Actor } from '@ablauf/sdk/runtime'
import type { TargetSnapshot } from '@ablauf/sdk/target'

/** A token scope: `admin`, `deploy`, `read`, `agent:<login>`, `customer:<login>`. */
export const SCOPE_PATTERN = /^(admin|deploy|read|agent:[^\s:]+|customer:[^\s:]+)$/

/** Kinds of scopes a route can accept. */
export type ScopeKind = 'admin' | 'deploy' | 'read' | 'agent' | 'customer'

/** Who is calling: the token's name and what its scopes allow. */
export interface Principal {
  token: string
  scopes: readonly string[]
  admin: boolean
  /** The agent login of an `agent:<login>` scope. */
  agent: string | undefined
  /** The customer user login of a `customer:<login>` scope. */
  customer: string | undefined
}

/** A principal from a token's name and scopes. */
export function principalOf(token: string, scopes: readonly string[]): Principal {
  const after = (prefix: string): string | undefined => scopes.find((s) => s.startsWith(prefix))?.slice(prefix.length)
  return { token, scopes, admin: scopes.includes('admin'), agent: after('agent:'), customer: after('customer:') }
}

/** True when the principal holds a scope of one of the kinds. */
export function hasScope(p: Principal, kinds: readonly ScopeKind[]): boolean {
  return kinds.some((k) => (k === 'agent' ? p.agent !== undefined : k === 'customer' ? p.customer !== undefined : p.scopes.includes(k)))
}

/** Throws FORBIDDEN unless the principal holds a scope of one of the kinds (admin always passes). */
export function requireScope(p: Principal, ...kinds: ScopeKind[]): void {
  if (p.admin || hasScope(p, kinds)) return
  throw new AblaufError('FORBIDDEN', `token "${p.token}" lacks a scope for this route; needs one of: ${['admin', ...kinds].join(', ')}`, {
    needs: ['admin', ...kinds],
  })
}

/** The actor recorded for what a principal does. */
export function actorOf(p: Principal): Actor {
  if (p.agent !== undefined && !p.admin) return { kind: 'agent', login: p.agent }
  if (p.customer !== undefined && !p.admin) return { kind: 'customer', login: p.customer }
  return { kind: 'system', login: p.token }
}

/** The queues an agent may work on: the union of their roles' queues. */
export function agentQueues(target: TargetSnapshot, login: string): string[] {
  const user = target.users.find((u) => u.login === login)
  if (user === undefined) return []
  const queues = new Set<string>()
  for (const role of target.roles) if (user.roles.includes(role.name)) for (const q of role.queues) queues.add(q)
  return [...queues]
}

/** What tickets a principal may see: all (admin, read), queues (agent), own (customer). */
export type TicketScope = { all: true } | { all: false; queues: string[] } | { all: false; customerUser: string }

/** The ticket scope of a principal, or FORBIDDEN. */
export function ticketScope(p: Principal, target: TargetSnapshot): TicketScope {
  if (p.admin || p.scopes.includes('read')) return { all: true }
  if (p.agent !== undefined) return { all: false, queues: agentQueues(target, p.agent) }
  if (p.customer !== undefined) return { all: false, customerUser: p.customer }
  throw new AblaufError('FORBIDDEN', `token "${p.token}" may not read tickets`)
}

/** True when a ticket lies within the scope. */
export function inScope(scope: TicketScope, ticket: { Queue: string; CustomerUser: string | null }): boolean {
  if (scope.all) return true
  if ('queues' in scope) return scope.queues.includes(ticket.Queue)
  return ticket.CustomerUser === scope.customerUser
}
