import type { FieldValue } from '../definition/fields.js'
import type { DynamicFieldValue } from './field-types.js'
import { named, type ActionMeta, type ActionOf } from './action-meta.js'
import type { DynamicFieldKey } from './register.js'
import { isoIfDate } from './date-values.js'

function plain(value: FieldValue | Date): FieldValue {
  return isoIfDate(value)
}

/**
 * Sets a dynamic field, named bare (`'Category'`, not `'DynamicField_Category'`) (Znuny `DynamicFieldSet`).
 * The value is typed by the field: a Dropdown's values, a list for Multiselect, numbers, booleans, dates.
 *
 * @example
 * ```ts
 * setDynamicField('Category', 'hardware', { name: 'Classify as hardware' })
 * ```
 */
export function setDynamicField<const N extends DynamicFieldKey>(
  field: N,
  value: DynamicFieldValue<N> | null,
  meta?: ActionMeta,
): ActionOf<'setDynamicField'> {
  return named({ type: 'setDynamicField', field, value: plain(value as FieldValue | Date) }, meta)
}

/**
 * Adds `by` (default 1) to an Integer dynamic field, named bare.
 *
 * @example
 * ```ts
 * incrementDynamicField('Escalations')
 * ```
 */
export function incrementDynamicField(field: DynamicFieldKey, by = 1, meta?: ActionMeta): ActionOf<'incrementDynamicField'> {
  return named({ type: 'incrementDynamicField', field, by }, meta)
}

/**
 * Clears a dynamic field, named bare.
 *
 * @example
 * ```ts
 * removeDynamicField('Warranty')
 * ```
 */
export function removeDynamicField(field: DynamicFieldKey, meta?: ActionMeta): ActionOf<'removeDynamicField'> {
  return named({ type: 'removeDynamicField', field }, meta)
}
