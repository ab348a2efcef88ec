import { TARGET_API_VERSION, targetSnapshotSchema, type TargetSnapshot, type ValueSpec } from '@ablauf/sdk/target'
import type { EngineConfig } from './config-schema.js'

/** A registered script as the target publishes it. */
export interface ScriptSpec {
  name: string
  description?: string
  params: Record<string, ValueSpec>
}

/** The target snapshot (`GET /api/v1/schema`) of a configuration plus the engine's registered scripts. */
export function targetSnapshotFromConfig(config: EngineConfig, scripts: readonly ScriptSpec[]): TargetSnapshot {
  const t = config.target
  return targetSnapshotSchema.parse({
    apiVersion: TARGET_API_VERSION,
    name: config.name,
    queues: t.queues,
    states: t.states,
    priorities: t.priorities,
    types: t.types,
    services: t.services,
    slas: t.slas,
    users: t.users,
    customerUsers: t.customerUsers,
    roles: t.roles,
    dynamicFields: t.dynamicFields.map((f) => ({ name: f.name, label: f.label, type: f.type, ...(f.values ? { values: f.values } : {}) })),
    webServices: Object.entries(config.webServices).map(([name, ws]) => ({
      name,
      ...(ws.description === undefined ? {} : { description: ws.description }),
      invokers: Object.entries(ws.invokers).map(([invoker, inv]) => ({
        name: invoker,
        ...(inv.description === undefined ? {} : { description: inv.description }),
        input: inv.input,
        output: inv.output,
      })),
    })),
    scripts: [...scripts]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((s) => ({ name: s.name, ...(s.description === undefined ? {} : { description: s.description }), params: s.params })),
    emailTemplates: t.emailTemplates.map((e) => ({ name: e.name, subject: e.subject, body: e.body })),
  })
}
