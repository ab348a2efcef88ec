import type { Issue } from '../errors.js'
import type { ProcessDefinition } from '../definition/definition-schema.js'
import type { TargetSnapshot } from '../target/target-schema.js'
import type { ValidationCode } from './validation-codes.js'

type DynamicFieldSpec = TargetSnapshot['dynamicFields'][number]
type WebServiceSpec = TargetSnapshot['webServices'][number]
type ScriptSpec = TargetSnapshot['scripts'][number]

/** The target snapshot, indexed by name for the rules. */
export interface TargetIndex {
  queues: string[]
  states: string[]
  priorities: string[]
  types: string[]
  services: string[]
  slas: string[]
  users: string[]
  customerUsers: string[]
  roles: string[]
  templates: string[]
  dynamicFields: Map<string, DynamicFieldSpec>
  webServices: Map<string, WebServiceSpec>
  scripts: Map<string, ScriptSpec>
}

/** What every rule sees: the definition and, when given, the target and the other definitions. */
export interface RuleContext {
  def: ProcessDefinition
  target: TargetIndex | undefined
  /** The definitions deployed together with `def` (it may or may not be among them). */
  definitions: readonly ProcessDefinition[] | undefined
}

/** A rule family: a pure function from the context to the issues it finds. */
export type Rule = (ctx: RuleContext) => Issue[]

export type IssuePath = (string | number)[]

/** An issue of severity `error`. */
export function error(code: ValidationCode, path: IssuePath, message: string): Issue {
  return { code, path, message, severity: 'error' }
}

/** An issue of severity `warning`: reported, but it does not fail a compile or a deployment. */
export function warning(code: ValidationCode, path: IssuePath, message: string): Issue {
  return { code, path, message, severity: 'warning' }
}

export function indexTarget(t: TargetSnapshot): TargetIndex {
  return {
    queues: t.queues.map((q) => q.name),
    states: t.states.map((s) => s.name),
    priorities: t.priorities.map((p) => p.name),
    types: t.types.map((x) => x.name),
    services: t.services.map((s) => s.name),
    slas: t.slas.map((s) => s.name),
    users: t.users.map((u) => u.login),
    customerUsers: t.customerUsers.map((c) => c.login),
    roles: t.roles.map((r) => r.name),
    templates: t.emailTemplates.map((e) => e.name),
    dynamicFields: new Map(t.dynamicFields.map((f) => [f.name, f])),
    webServices: new Map(t.webServices.map((w) => [w.name, w])),
    scripts: new Map(t.scripts.map((s) => [s.name, s])),
  }
}
