import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { paramSpecs } from './param-specs.js'
import { fieldParam, fieldValueParam, templateParam } from './ticket-field.js'

// What GET /api/v1/schema publishes for a script, and so what `ablauf compile` checks a process's params against.
describe('a script\'s parameters as the target snapshot describes them', () => {
  it('marks field names, values written to a named field, templates, alternatives, enums and optional parameters', () => {
    const params = z.strictObject({
      target: fieldParam('the field written'),
      rules: z.array(z.strictObject({ field: fieldParam().optional(), value: fieldValueParam(['field', 'target']) })).min(1),
      fallback: fieldValueParam(['target'], 'written when no rule matches').optional(),
      note: templateParam('a text with placeholders'),
      source: z.union([fieldParam(), z.array(fieldParam())]).optional(),
      mode: z.enum(['first', 'last']).default('first'),
      days: z.number().int(),
    })
    expect(paramSpecs(params)).toEqual({
      target: { type: 'field', description: 'the field written', required: true },
      rules: {
        type: 'array',
        required: true,
        items: {
          type: 'object',
          properties: { field: { type: 'field', required: false }, value: { type: 'any', fieldFrom: ['field', 'target'], required: true } },
        },
      },
      fallback: { type: 'any', fieldFrom: ['target'], description: 'written when no rule matches', required: false },
      note: { type: 'string', format: 'template', description: 'a text with placeholders', required: true },
      source: { type: 'any', anyOf: [{ type: 'field' }, { type: 'array', items: { type: 'field' } }], required: false },
      mode: { type: 'string', values: ['first', 'last'], required: false },
      days: { type: 'integer', required: true },
    })
  })
})
