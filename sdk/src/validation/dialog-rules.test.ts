import { describe, expect, test } from 'vitest'
import { validateDefinition } from './validate-definition.js'
import { testTarget } from './fixtures/test-target.js'
import { baseInput, changed, summary } from './fixtures/test-definitions.js'

type Dialog = { interface: string[]; permission?: string; fields: Record<string, unknown>[] }
const dialog = (d: ReturnType<typeof baseInput>, k: number): Dialog => (d.activities[2]!.dialogs as Dialog[])[k]!

describe('dialog rules', () => {
  test('DUPLICATE_FIELD: a dialog lists a field twice', () => {
    const def = changed((d) => {
      dialog(d, 0).fields.push({ field: 'Article', display: 'required' })
    })
    const issues = validateDefinition(def)
    expect(summary(issues)).toEqual(['DUPLICATE_FIELD at activities.2.dialogs.0.fields.3.field'])
    expect(issues[0]?.message).toBe('dialog "confirm-classification" lists Article twice; keep one entry')
  })

  test('HIDDEN_WITHOUT_DEFAULT: a hidden field without a default sets nothing', () => {
    const def = changed((d) => {
      delete dialog(d, 0).fields[2]!.default
    })
    expect(summary(validateDefinition(def))).toEqual(['HIDDEN_WITHOUT_DEFAULT at activities.2.dialogs.0.fields.2'])
  })

  test('HIDDEN_REQUIRED: a customer-only dialog requires a field customers never see', () => {
    const def = changed((d) => {
      dialog(d, 1).fields.push({ field: 'Owner', display: 'required' })
    })
    const issues = validateDefinition(def, { target: testTarget })
    expect(summary(issues)).toEqual(['HIDDEN_REQUIRED at activities.2.dialogs.1.fields.2.display'])
    expect(issues[0]?.message).toMatch(/^Owner is required, but customer dialogs never show it/)
  })

  test('the same field is fine when agents use the dialog too', () => {
    const def = changed((d) => {
      dialog(d, 1).interface = ['agent', 'customer']
      dialog(d, 1).fields.push({ field: 'Owner', display: 'required' })
    })
    expect(validateDefinition(def, { target: testTarget })).toEqual([])
  })

  test('UNKNOWN_DYNAMIC_FIELD: a dialog shows a dynamic field the target does not have', () => {
    const def = changed((d) => {
      dialog(d, 0).fields[0]!.field = 'DynamicField_Categroy'
    })
    const issues = validateDefinition(def, { target: testTarget })
    expect(summary(issues)).toEqual(['UNKNOWN_DYNAMIC_FIELD at activities.2.dialogs.0.fields.0.field'])
    expect(issues[0]?.message).toBe('unknown dynamic field "Categroy" — did you mean "Category"?')
  })

  test('defaults name existing queues and allowed values, of the field\'s type', () => {
    const def = changed((d) => {
      dialog(d, 0).fields[2]!.default = 'Servce Desk'
      dialog(d, 1).fields[1]!.default = ['vip', 'urgnet']
      dialog(d, 0).fields.push({ field: 'DynamicField_Count', display: 'hidden', default: 'three' })
    })
    const issues = validateDefinition(def, { target: testTarget })
    expect(summary(issues)).toEqual([
      'UNKNOWN_QUEUE at activities.2.dialogs.0.fields.2.default',
      'WRONG_VALUE_TYPE at activities.2.dialogs.0.fields.3.default',
      'UNKNOWN_FIELD_VALUE at activities.2.dialogs.1.fields.1.default.1',
    ])
    expect(issues.map((i) => i.message)).toEqual([
      'unknown queue "Servce Desk" — did you mean "Service Desk"?',
      'DynamicField_Count is an Integer field; use a whole number, not the string "three"',
      'unknown value of DynamicField_Tags "urgnet" — did you mean "urgent"?',
    ])
  })

  test('UNKNOWN_ROLE: a dialog permission names a role the target does not have', () => {
    const def = changed((d) => {
      dialog(d, 0).permission = 'support'
    })
    const issues = validateDefinition(def, { target: testTarget })
    expect(summary(issues)).toEqual(['UNKNOWN_ROLE at activities.2.dialogs.0.permission'])
    expect(issues[0]?.message).toBe('unknown role "support" — did you mean "Support"?')
  })
})
