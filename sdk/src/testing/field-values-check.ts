import { dynamicFieldName, fieldNameSchema, isDynamicFieldRef, type FieldValue } from '../definition/fields.js'
import type { RuntimeEnv } from '../runtime/runtime-types.js'
import type { DynamicFieldType, TargetSnapshot } from '../target/target-schema.js'
import { checkFieldValue } from '../validation/field-value-check.js'
import type { TargetIndex } from '../validation/rule-context.js'
import { unknownMessage } from '../validation/suggest.js'

/** A dynamic field as a simulation knows it; a target snapshot's entries fit. */
export interface SimulatedDynamicField {
  name: string
  type: DynamicFieldType
  values?: readonly string[]
}

/**
 * The engine's refusal of values a script or service writes, for the dynamic fields a simulation knows:
 * an unknown field, a value its Dropdown lacks, text in an Integer field. Built-in fields are not checked.
 */
export function dynamicFieldValuesCheck(fields: readonly SimulatedDynamicField[]): NonNullable<RuntimeEnv['fieldValuesProblem']> {
  const byName = new Map<string, TargetSnapshot['dynamicFields'][number]>()
  for (const f of fields) byName.set(f.name, { name: f.name, label: '', type: f.type, ...(f.values === undefined ? {} : { values: [...f.values] }) })
  const index: TargetIndex = {
    queues: [], states: [], priorities: [], types: [], services: [], slas: [], users: [], customerUsers: [], roles: [], templates: [],
    dynamicFields: byName,
    webServices: new Map(),
    scripts: new Map(),
  }
  return (values: Readonly<Record<string, FieldValue>>) => {
    const problems: string[] = []
    for (const [field, value] of Object.entries(values)) {
      const name = fieldNameSchema.safeParse(field)
      if (!name.success || !isDynamicFieldRef(name.data)) continue
      if (!byName.has(dynamicFieldName(name.data))) {
        problems.push(unknownMessage('dynamic field', dynamicFieldName(name.data), byName.keys()))
        continue
      }
      problems.push(...checkFieldValue(index, name.data, value, [field], 'set').map((i) => i.message))
    }
    return problems.length === 0 ? undefined : `values the ticket cannot take: ${problems.join('; ')}`
  }
}
