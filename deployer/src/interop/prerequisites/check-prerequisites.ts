import { parsePlaceholders, type Condition, type ProcessDefinition, type TransitionAction } from '@ablauf/sdk/definition'
import type { TargetSnapshot } from '@ablauf/sdk/target'
import { importFailed } from '../import-error.js'

/** What a process needs from the target, by kind: names it refers to that the target lacks. */
export interface MissingPrerequisites {
  queues: string[]
  states: string[]
  priorities: string[]
  types: string[]
  services: string[]
  slas: string[]
  users: string[]
  roles: string[]
  dynamicFields: string[]
  webServices: string[]
  scripts: string[]
}
type Kind = keyof MissingPrerequisites

/** Znuny's dialog permission types: not roles, so not looked up as roles. */
const ZNUNY_PERMISSION_TYPES = new Set(['ro', 'rw', 'move_into', 'create', 'note', 'owner', 'priority'])
const FIELD_KINDS: Record<string, Kind> = { Queue: 'queues', State: 'states', Priority: 'priorities', Type: 'types', Service: 'services', SLA: 'slas', Owner: 'users', Responsible: 'users' }

function collect(def: ProcessDefinition): Map<Kind, Set<string>> {
  const need = new Map<Kind, Set<string>>()
  const add = (kind: Kind, name: string | undefined) => {
    if (name === undefined || name === '' || name.includes('{{')) return
    need.set(kind, (need.get(kind) ?? new Set()).add(name))
  }
  const field = (f: string, value?: unknown) => {
    if (f.startsWith('DynamicField_')) add('dynamicFields', f.slice('DynamicField_'.length))
    const kind = FIELD_KINDS[f]
    if (kind && typeof value === 'string') add(kind, value)
  }
  const texts = (s: string | undefined) => {
    for (const p of parsePlaceholders(s ?? '')) if (p.path[0] === 'ticket' && p.path[1] === 'DynamicField') add('dynamicFields', p.path[2])
  }
  const condition = (c: Condition): void => {
    if (c.op === 'all' || c.op === 'any' || c.op === 'one' || c.op === 'not') {
      for (const x of Array.isArray(c.of) ? c.of : [c.of]) condition(x)
      return
    }
    if (!('field' in c)) return
    field(c.field)
    if (c.op === 'in') c.values.forEach((v) => field(c.field, v))
    else if (c.op === 'eq' || c.op === 'ne') field(c.field, c.value)
  }
  const action = (a: TransitionAction) => {
    for (const v of Object.values(a)) if (typeof v === 'string') texts(v)
    switch (a.type) {
      case 'setQueue': return add('queues', a.queue)
      case 'setState': return add('states', a.state)
      case 'setPriority': return add('priorities', a.priority)
      case 'setOwner': case 'setResponsible': return add('users', a.user)
      case 'setType': return add('types', a.ticketType)
      case 'setService': return add('services', a.service)
      case 'setSLA': return add('slas', a.sla)
      case 'setDynamicField': case 'incrementDynamicField': case 'removeDynamicField': return add('dynamicFields', a.field)
      case 'addArticle': return [a.article.subject, a.article.body].forEach(texts)
      case 'createTicket':
        add('queues', a.queue); add('states', a.state); add('priorities', a.priority); add('types', a.ticketType); add('users', a.owner)
        return Object.keys(a.dynamicFields ?? {}).forEach((n) => add('dynamicFields', n))
      default: return undefined
    }
  }
  if (def.start.on === 'ticket.created' && def.start.when) condition(def.start.when)
  for (const a of def.activities) {
    if (a.kind === 'user') {
      for (const d of a.dialogs) {
        if (d.permission && !ZNUNY_PERMISSION_TYPES.has(d.permission)) add('roles', d.permission)
        for (const f of d.fields) field(f.field, f.default)
      }
    }
    if (a.kind === 'service') add('webServices', a.webService)
    if (a.kind === 'script') add('scripts', a.script)
  }
  for (const t of def.transitions) {
    if (t.condition) condition(t.condition)
    t.actions.forEach(action)
  }
  return need
}

/** Every name the definition refers to that the target lacks, by kind (empty lists when all is there). */
export function missingPrerequisites(def: ProcessDefinition, target: TargetSnapshot): MissingPrerequisites {
  const have: Record<Kind, Set<string>> = {
    queues: new Set(target.queues.map((x) => x.name)),
    states: new Set(target.states.map((x) => x.name)),
    priorities: new Set(target.priorities.map((x) => x.name)),
    types: new Set(target.types.map((x) => x.name)),
    services: new Set(target.services.map((x) => x.name)),
    slas: new Set(target.slas.map((x) => x.name)),
    users: new Set(target.users.map((x) => x.login)),
    roles: new Set(target.roles.map((x) => x.name)),
    dynamicFields: new Set(target.dynamicFields.map((x) => x.name)),
    webServices: new Set(target.webServices.map((x) => x.name)),
    scripts: new Set(target.scripts.map((x) => x.name)),
  }
  const need = collect(def)
  const out = {} as MissingPrerequisites
  for (const kind of Object.keys(have) as Kind[]) out[kind] = [...(need.get(kind) ?? [])].filter((n) => !have[kind].has(n)).sort()
  return out
}

const LABELS: Record<Kind, string> = {
  queues: 'queue', states: 'state', priorities: 'priority', types: 'ticket type', services: 'service', slas: 'SLA',
  users: 'user', roles: 'role', dynamicFields: 'dynamic field', webServices: 'web service', scripts: 'script',
}

/**
 * Throws one IMPORT_FAILED that lists every missing prerequisite (the seed's "Voraussetzung": create
 * the queues, roles, dynamic fields, … first), or returns when the target has everything.
 */
export function assertPrerequisites(def: ProcessDefinition, target: TargetSnapshot, targetFile = 'the target'): void {
  const missing = missingPrerequisites(def, target)
  const lines = (Object.keys(missing) as Kind[]).flatMap((k) => missing[k].map((n) => `missing ${LABELS[k]} "${n}"`))
  if (lines.length === 0) return
  throw importFailed(
    `process "${def.id}" needs ${lines.length} thing(s) ${targetFile} does not have — create them first:\n  ${lines.join('\n  ')}`,
    [],
    lines.map((message) => ({ code: 'PREREQUISITE_MISSING', path: [], message, severity: 'error' as const })),
  )
}
