import { z } from 'zod'
import { fieldNameSchema, fieldValueSchema, idSchema } from './fields.js'

/** Who may see and submit a dialog: agents, customers, or both. */
export const dialogInterfaceSchema = z.enum(['agent', 'customer'])
export type DialogInterface = z.infer<typeof dialogInterfaceSchema>

/** How a field shows in a dialog (Znuny's Display 0 / 1 / 2). */
export const fieldDisplaySchema = z.enum(['hidden', 'optional', 'required'])
export type FieldDisplay = z.infer<typeof fieldDisplaySchema>

/** One field of a dialog, in the order the dialog shows it. */
export const dialogFieldSchema = z.strictObject({
  field: fieldNameSchema,
  display: fieldDisplaySchema,
  /** Value used when the field is hidden, or pre-filled when shown. */
  default: fieldValueSchema.optional(),
  /** Short label/description shown beside the field (Znuny DescriptionShort). */
  label: z.string().max(500).optional(),
  /** Longer help text (Znuny DescriptionLong). */
  help: z.string().max(5000).optional(),
  /** Article fields: channel and visibility of the article the dialog writes. */
  article: z
    .strictObject({
      channel: z.enum(['Internal', 'Phone', 'Email', 'Note']).default('Internal'),
      visibleForCustomer: z.boolean().default(false),
    })
    .optional(),
})
export type DialogField = z.infer<typeof dialogFieldSchema>

/** An activity dialog: the form of a user task (Znuny's ActivityDialog). */
export const activityDialogSchema = z.strictObject({
  id: idSchema,
  title: z.string().min(1).max(200),
  /** Short description shown above the form (Znuny DescriptionShort). */
  description: z.string().max(5000).optional(),
  /** Longer help text (Znuny DescriptionLong). */
  help: z.string().max(20000).optional(),
  interface: z.array(dialogInterfaceSchema).min(1),
  fields: z.array(dialogFieldSchema),
  submitLabel: z.string().max(100).optional(),
  /** Text shown next to the submit button (Znuny SubmitAdviceText). */
  submitAdvice: z.string().max(1000).optional(),
  /** The ticket must be locked to the submitting agent (Znuny RequiredLock). */
  requiredLock: z.boolean().default(false),
  /** Only members of this role may submit (Znuny Permission). */
  permission: z.string().min(1).max(200).optional(),
})
export type ActivityDialog = z.infer<typeof activityDialogSchema>
