import { z } from 'zod'

/**
 * The shape of a Znuny / OTOBO / OTRS 6 process export (`Process`, `Activities`, `ActivityDialogs`,
 * `Transitions`, `TransitionActions`), parsed as leniently as Znuny writes it: numbers as strings or
 * numbers, one value or a list, `~` or `{}` or `[]` for "nothing". Unknown keys (ChangeTime, ID,
 * Layout, Scope, ScopeEntityID, FieldDetails, …) pass through untouched.
 */

/** A scalar Znuny wrote as a string, a number or a boolean; always read back as a string. */
export const znunyText = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v))

/** Nothing (`~`, `''`) reads as an empty string. */
const optionalText = z.union([znunyText, z.null()]).optional().transform((v) => v ?? '')

/** One value or a list of values, read as a list. */
function oneOrMany<T extends z.ZodType>(item: T) {
  return z
    .union([z.array(item), item, z.null()])
    .optional()
    .transform((v): z.output<T>[] => (v === null || v === undefined ? [] : Array.isArray(v) ? v : [v]))
}

/** A map Znuny may also write as `[]` (Perl's empty array) or `~`; read as a record. */
function lenientMap<T extends z.ZodType>(value: T) {
  return z
    .union([z.record(z.string(), value), z.array(z.never()).max(0), z.null()])
    .optional()
    .transform((v): Record<string, z.output<T>> => (v === null || v === undefined || Array.isArray(v) ? {} : v))
}

export const znunyDialogFieldSchema = z.looseObject({
  DefaultValue: z.union([znunyText, z.array(znunyText), z.null()]).optional(),
  DescriptionShort: optionalText,
  DescriptionLong: optionalText,
  Display: z.union([znunyText, z.null()]).optional(),
  Config: z.union([z.record(z.string(), z.unknown()), z.null()]).optional(),
})
export type ZnunyDialogField = z.output<typeof znunyDialogFieldSchema>

export const znunyDialogSchema = z.looseObject({
  EntityID: znunyText.optional(),
  Name: znunyText,
  Config: z.looseObject({
    DescriptionShort: optionalText,
    DescriptionLong: optionalText,
    FieldOrder: oneOrMany(znunyText),
    Fields: lenientMap(znunyDialogFieldSchema),
    Interface: oneOrMany(znunyText),
    Permission: optionalText,
    RequiredLock: optionalText,
    SubmitAdviceText: optionalText,
    SubmitButtonText: optionalText,
  }),
})
export type ZnunyDialog = z.output<typeof znunyDialogSchema>

export const znunyActivitySchema = z.looseObject({
  EntityID: znunyText.optional(),
  Name: znunyText,
  ActivityDialogs: oneOrMany(znunyText),
  Config: z
    .union([
      z.looseObject({
        ActivityDialog: z.union([z.record(z.string(), znunyText), z.array(znunyText), z.null()]).optional(),
      }),
      z.null(),
    ])
    .optional(),
})
export type ZnunyActivity = z.output<typeof znunyActivitySchema>

/** A field test: a plain value (String), a list (Array) or `{ Type, Match }`. */
export const znunyFieldTestSchema = z.union([
  znunyText.transform((Match) => ({ Type: 'String', Match: Match as string | string[] })),
  z.array(znunyText).transform((Match) => ({ Type: 'Array', Match: Match as string | string[] })),
  z.looseObject({
    Type: optionalText,
    Match: z.union([znunyText, z.array(znunyText), z.null()]).optional().transform((v) => v ?? ''),
  }),
])
export type ZnunyFieldTest = z.output<typeof znunyFieldTestSchema>

export const znunyConditionSchema = z.looseObject({
  Type: optionalText,
  Fields: lenientMap(znunyFieldTestSchema),
})
export type ZnunyCondition = z.output<typeof znunyConditionSchema>

export const znunyTransitionSchema = z.looseObject({
  EntityID: znunyText.optional(),
  Name: znunyText,
  Config: z
    .union([
      z.looseObject({
        /** Conditions by name; OTRS 3.3 also kept `Type` / `ConditionLinking` strings in here. */
        Condition: lenientMap(z.union([znunyConditionSchema, znunyText])),
        ConditionLinking: optionalText,
      }),
      z.null(),
    ])
    .optional(),
})
export type ZnunyTransition = z.output<typeof znunyTransitionSchema>

export const znunyTransitionActionSchema = z.looseObject({
  EntityID: znunyText.optional(),
  Name: znunyText,
  Config: z.looseObject({
    Module: znunyText,
    Config: z.union([z.record(z.string(), z.unknown()), z.null()]).optional().transform((v) => v ?? {}),
  }),
})
export type ZnunyTransitionAction = z.output<typeof znunyTransitionActionSchema>

export const znunyPathStepSchema = z.looseObject({
  ActivityEntityID: znunyText,
  TransitionAction: oneOrMany(znunyText),
})
export type ZnunyPathStep = z.output<typeof znunyPathStepSchema>

export const znunyProcessSchema = z.looseObject({
  EntityID: znunyText.optional(),
  Name: znunyText,
  State: optionalText,
  StateEntityID: optionalText,
  Activities: oneOrMany(znunyText),
  Transitions: oneOrMany(znunyText),
  TransitionActions: oneOrMany(znunyText),
  Config: z.looseObject({
    Description: optionalText,
    Path: lenientMap(lenientMap(znunyPathStepSchema)),
    StartActivity: optionalText,
    StartActivityDialog: optionalText,
  }),
})
export type ZnunyProcess = z.output<typeof znunyProcessSchema>

/** A whole process export file. */
export const znunyProcessFileSchema = z.looseObject({
  Process: znunyProcessSchema,
  Activities: lenientMap(znunyActivitySchema),
  ActivityDialogs: lenientMap(znunyDialogSchema),
  Transitions: lenientMap(znunyTransitionSchema),
  TransitionActions: lenientMap(znunyTransitionActionSchema),
})
export type ZnunyProcessFile = z.output<typeof znunyProcessFileSchema>
