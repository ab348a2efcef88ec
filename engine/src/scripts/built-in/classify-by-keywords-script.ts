import { z } from 'zod'
import { defineScript } from '../script-types.js'
import { fieldParam, fieldText, fieldValueParam, readTicketField } from '../ticket-field.js'

const ruleSchema = z
  .strictObject({
    field: fieldParam('the field this rule sets; defaults to the script\'s `target`').optional(),
    value: fieldValueParam(['field', 'target'], 'the value written when the rule matches'),
    keywords: z.array(z.string().min(1)).min(1).optional().describe('matches when any keyword occurs (case-insensitive)'),
    pattern: z.string().min(1).optional().describe('a regular expression (case-insensitive)'),
  })
  .refine((r) => r.keywords !== undefined || r.pattern !== undefined, { message: 'a rule needs keywords or a pattern' })

const paramsSchema = z
  .strictObject({
    source: z
      .union([fieldParam(), z.array(fieldParam()).min(1)])
      .default(['Title', 'Article'])
      .describe('the fields whose text is searched'),
    target: fieldParam('the field set by rules without their own `field`').optional(),
    rules: z.array(ruleSchema).min(1).describe('tried in order; the first match wins'),
    default: fieldValueParam(['target'], 'written to `target` when no rule matches').optional(),
  })
  .superRefine((p, ctx) => {
    p.rules.forEach((r, i) => {
      if (r.field === undefined && p.target === undefined) ctx.addIssue({ code: 'custom', path: ['rules', i, 'field'], message: 'set the rule\'s field or the script\'s target' })
      if (r.pattern !== undefined && !isRegExp(r.pattern)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'pattern'], message: `invalid regular expression ${JSON.stringify(r.pattern)}` })
    })
  })

/**
 * Sets a field (e.g. `DynamicField_Category`) from keywords or a pattern found in the ticket's text.
 * Rules are tried in order; the first match wins; without a match the `default` (if any) is written.
 */
export const classifyByKeywordsScript = defineScript({
  name: 'classify-by-keywords',
  description: 'Sets a field from keywords or a regular expression found in the title or articles; first matching rule wins',
  params: paramsSchema,
  run(params, ctx) {
    const sources = Array.isArray(params.source) ? params.source : [params.source]
    const text = sources.map((f) => fieldText(readTicketField(f, ctx))).join('\n')
    const lower = text.toLowerCase()
    for (const rule of params.rules) {
      const byKeyword = rule.keywords?.some((k) => lower.includes(k.toLowerCase())) ?? false
      const byPattern = rule.pattern !== undefined && new RegExp(rule.pattern, 'iu').test(text)
      if (byKeyword || byPattern) return { [rule.field ?? params.target ?? '']: rule.value }
    }
    if (params.default !== undefined && params.target !== undefined) return { [params.target]: params.default }
    return {}
  },
})

function isRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern, 'iu')
    return true
  } catch {
    return false
  }
}
