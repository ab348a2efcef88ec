import { z } from 'zod'
import { dynamicFieldTypeSchema, stateTypeSchema, valueSpecSchema } from '@ablauf/sdk/target'

const name = z.string().min(1).max(250)
const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name such as "ERP_TOKEN"')
/** A list entry that may be written as a bare name or as `{ name }`. */
const named = z.union([name.transform((n) => ({ name: n })), z.strictObject({ name })])

const webServiceAuthSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('none') }),
  z.strictObject({ type: z.literal('bearer'), tokenEnv: envName }),
  z.strictObject({ type: z.literal('basic'), userEnv: envName, passwordEnv: envName }),
  z.strictObject({ type: z.literal('header'), header: z.string().min(1), valueEnv: envName }),
])
export type WebServiceAuth = z.infer<typeof webServiceAuthSchema>

const invokerSchema = z.strictObject({
  description: z.string().optional(),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  /** Path below the base URL; `{{name}}` placeholders are filled from the request values. */
  path: z.string().regex(/^\//, 'a path starting with "/", e.g. "/warranty/{{serial}}"'),
  input: z.record(z.string(), valueSpecSchema).default({}),
  output: z.record(z.string(), valueSpecSchema).default({}),
  /** Answer used in test mode when the web service has no `testBaseUrl`. */
  stub: z.strictObject({ status: z.number().int().min(100).max(599).default(200), body: z.unknown() }).optional(),
})
export type InvokerConfig = z.infer<typeof invokerSchema>

const webServiceSchema = z.strictObject({
  description: z.string().optional(),
  baseUrl: z.url({ protocol: /^https?$/ }),
  /** Used for tickets in test mode. */
  testBaseUrl: z.url({ protocol: /^https?$/ }).optional(),
  auth: webServiceAuthSchema.default({ type: 'none' }),
  headers: z.record(z.string(), z.string()).default({}),
  invokers: z.record(name, invokerSchema),
})
export type WebServiceConfig = z.infer<typeof webServiceSchema>

const targetSchema = z.strictObject({
  queues: z.array(z.union([name.transform((n) => ({ name: n })), z.strictObject({ name, description: z.string().optional() })])),
  states: z.array(z.strictObject({ name, type: stateTypeSchema })),
  priorities: z.array(named),
  types: z.array(named),
  services: z.array(named).default([]),
  slas: z.array(z.strictObject({ name, services: z.array(name).default([]) })).default([]),
  users: z.array(
    z.strictObject({
      login: name,
      firstName: z.string().default(''),
      lastName: z.string().default(''),
      email: z.email().or(z.literal('')).default(''),
      roles: z.array(name).default([]),
    }),
  ),
  customerUsers: z
    .array(
      z.strictObject({
        login: name,
        customerId: name,
        firstName: z.string().default(''),
        lastName: z.string().default(''),
        email: z.email().or(z.literal('')).default(''),
      }),
    )
    .default([]),
  roles: z.array(z.strictObject({ name, queues: z.array(name).default([]) })),
  dynamicFields: z.array(
    z.strictObject({
      name: z.string().regex(/^[A-Za-z0-9]+$/, 'a dynamic field name has letters and digits only'),
      label: z.string().default(''),
      type: dynamicFieldTypeSchema,
      values: z.array(z.string().min(1)).optional(),
    }),
  ),
  emailTemplates: z.array(z.strictObject({ name, subject: z.string(), body: z.string() })).default([]),
})

const scope = z.string().regex(/^(admin|deploy|read|agent:[^\s:]+|customer:[^\s:]+)$/, 'a scope: admin, deploy, read, agent:<login> or customer:<login>')
const tokenSchema = z.union([
  z.strictObject({ name, scopes: z.array(scope).min(1), tokenEnv: envName }),
  z.strictObject({
    name,
    scopes: z.array(scope).min(1),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'the lower-case sha256 hex digest of the token (never the token itself)'),
  }),
])

/** The engine's YAML configuration file. */
export const engineConfigSchema = z
  .strictObject({
    /** A label for the target, e.g. `demo` or `production`. */
    name: z.string().min(1).max(100).default('default'),
    server: z
      .strictObject({
        port: z.number().int().min(0).max(65535).default(8080),
        /** Request body limit, e.g. `1mb`, `512kb`. */
        bodyLimit: z.string().regex(/^\d+(b|kb|mb)$/i, 'a size such as "1mb" or "512kb"').default('1mb'),
      })
      .default({ port: 8080, bodyLimit: '1mb' }),
    /** Folder of custom scripts (relative to the config file). */
    scriptsDir: z.string().min(1).optional(),
    target: targetSchema,
    webServices: z.record(name, webServiceSchema).default({}),
    smtp: z
      .strictObject({
        host: z.string().min(1),
        port: z.number().int().min(1).max(65535).default(587),
        secure: z.boolean().default(false),
        from: z.string().min(3),
        auth: z.strictObject({ userEnv: envName, passwordEnv: envName }).optional(),
      })
      .optional(),
    tokens: z.array(tokenSchema).default([]),
    /** Trace logging for some processes (by id) or tickets (by id or number); see the README. */
    logging: z
      .strictObject({
        trace: z
          .strictObject({
            processes: z.array(z.string().min(1).max(100)).default([]),
            tickets: z.array(z.union([z.string().min(1).max(100), z.number().int().nonnegative()])).default([]),
          })
          .default({ processes: [], tickets: [] }),
      })
      .default({ trace: { processes: [], tickets: [] } }),
  })
  .superRefine((c, ctx) => {
    const t = c.target
    const roles = new Set(t.roles.map((r) => r.name))
    const queues = new Set(t.queues.map((q) => q.name))
    const services = new Set(t.services.map((s) => s.name))
    t.users.forEach((u, i) =>
      u.roles.forEach((r, j) => {
        if (!roles.has(r)) ctx.addIssue({ code: 'custom', path: ['target', 'users', i, 'roles', j], message: `unknown role "${r}"` })
      }),
    )
    t.roles.forEach((r, i) =>
      r.queues.forEach((q, j) => {
        if (!queues.has(q)) ctx.addIssue({ code: 'custom', path: ['target', 'roles', i, 'queues', j], message: `unknown queue "${q}"` })
      }),
    )
    t.slas.forEach((s, i) =>
      s.services.forEach((v, j) => {
        if (!services.has(v)) ctx.addIssue({ code: 'custom', path: ['target', 'slas', i, 'services', j], message: `unknown service "${v}"` })
      }),
    )
    t.dynamicFields.forEach((f, i) => {
      const listed = f.type === 'Dropdown' || f.type === 'Multiselect'
      if (listed && (f.values === undefined || f.values.length === 0)) {
        ctx.addIssue({ code: 'custom', path: ['target', 'dynamicFields', i, 'values'], message: `a ${f.type} field needs values` })
      }
    })
  })

/** The parsed engine configuration. */
export type EngineConfig = z.infer<typeof engineConfigSchema>
/** The configuration as written in YAML (defaults optional). */
export type EngineConfigInput = z.input<typeof engineConfigSchema>
