import { z } from 'zod'
import type { ValueSpec } from '@ablauf/sdk/target'

/** The subset of JSON Schema that `z.toJSONSchema` produces for script params. */
interface JsonSchemaNode {
  type?: string | string[]
  format?: string
  enum?: unknown[]
  const?: unknown
  description?: string
  items?: JsonSchemaNode
  properties?: Record<string, JsonSchemaNode>
  required?: string[]
  anyOf?: JsonSchemaNode[]
  oneOf?: JsonSchemaNode[]
  'x-ablauf-type'?: string
  'x-ablauf-field-from'?: string[]
}

/**
 * A script's zod params schema as the target snapshot's `ValueSpec`s (one per parameter), for
 * `GET /api/v1/schema`. Parameters with a default are optional to the author.
 */
export function paramSpecs(params: z.ZodType): Record<string, ValueSpec> {
  const root = z.toJSONSchema(params, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode
  const spec = toValueSpec(root)
  return spec.type === 'object' ? (spec.properties ?? {}) : {}
}

function toValueSpec(node: JsonSchemaNode): ValueSpec {
  const spec = baseSpec(node)
  if (node.description !== undefined) spec.description = node.description
  if (node['x-ablauf-type'] === 'template') spec.format = 'template'
  if (node['x-ablauf-field-from'] !== undefined) spec.fieldFrom = node['x-ablauf-field-from']
  return spec
}

function baseSpec(node: JsonSchemaNode): ValueSpec {
  if (node['x-ablauf-type'] === 'field') return { type: 'field' }
  const variants = node.anyOf ?? node.oneOf
  if (variants !== undefined) {
    const specs = variants.filter((v) => v.type !== 'null').map(toValueSpec)
    if (specs.length === 1 && specs[0] !== undefined) return specs[0]
    return specs.some((v) => v.type === 'any') ? { type: 'any' } : { type: 'any', anyOf: specs }
  }
  if (node.enum !== undefined && node.enum.every((v) => typeof v === 'string')) return { type: 'string', values: node.enum as string[] }
  if (typeof node.const === 'string') return { type: 'string', values: [node.const] }
  switch (node.type) {
    case 'string':
      if (node.format === 'date') return { type: 'date' }
      if (node.format === 'date-time') return { type: 'datetime' }
      return { type: 'string' }
    case 'number':
    case 'integer':
    case 'boolean':
      return { type: node.type }
    case 'array':
      return node.items === undefined ? { type: 'array' } : { type: 'array', items: toValueSpec(node.items) }
    case 'object': {
      const required = new Set(node.required ?? [])
      const properties: Record<string, ValueSpec> = {}
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        properties[key] = { ...toValueSpec(child), required: required.has(key) }
      }
      return { type: 'object', properties }
    }
    default:
      return { type: 'any' }
  }
}
