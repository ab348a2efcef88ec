import { z } from 'zod'
import { actionSchema } from './action-schema.js'
import { activitySchema } from './activity-schema.js'
import { conditionSchema } from './condition-schema.js'
import { idSchema } from './fields.js'

/** The literal API version of a canonical definition. */
export const API_VERSION = 'ablauf/v1'

/** Znuny's three process states. */
export const processStateSchema = z.enum(['active', 'fade-away', 'inactive'])
export type ProcessState = z.infer<typeof processStateSchema>

/**
 * How a process starts: on ticket creation (optionally only when a condition holds) or manually through
 * a start dialog (one of the start activity's dialogs, as Znuny's StartActivityDialog).
 * When several processes match one event, the highest `priority` wins, then the lowest id.
 */
export const startTriggerSchema = z.discriminatedUnion('on', [
  z.strictObject({
    on: z.literal('ticket.created'),
    when: conditionSchema.optional(),
    activity: idSchema,
    priority: z.number().int().min(-1000).max(1000).default(0),
  }),
  z.strictObject({
    on: z.literal('manual'),
    activity: idSchema,
    dialog: idSchema.optional(),
    priority: z.number().int().min(-1000).max(1000).default(0),
  }),
])
export type StartTrigger = z.infer<typeof startTriggerSchema>

/**
 * A transition. The outgoing transitions of an activity are tried in declared order; the first whose
 * condition holds wins. `on: "error"` marks the error path of a service (or script) task.
 */
export const transitionSchema = z.strictObject({
  id: idSchema,
  from: idSchema,
  to: idSchema,
  name: z.string().min(1).max(200).optional(),
  description: z.string().max(20000).optional(),
  on: z.literal('error').optional(),
  condition: conditionSchema.optional(),
  actions: z.array(actionSchema).default([]),
})
export type Transition = z.infer<typeof transitionSchema>

/** The canonical process definition: plain JSON, the one thing every part of Ablauf speaks. */
export const processDefinitionSchema = z.strictObject({
  apiVersion: z.literal(API_VERSION),
  id: idSchema,
  name: z.string().min(1).max(200),
  description: z.string().max(20000).optional(),
  state: processStateSchema.default('active'),
  start: startTriggerSchema,
  activities: z.array(activitySchema).min(1),
  transitions: z.array(transitionSchema),
})

/** A canonical process definition (defaults filled in). */
export type ProcessDefinition = z.infer<typeof processDefinitionSchema>
/** What may be written by hand: the same, with defaulted keys optional. */
export type ProcessDefinitionInput = z.input<typeof processDefinitionSchema>
