import type { ValueSpec } from './target-schema.js'
import { compareText, docLine, key, literalUnion } from './ts-literals.js'

/** How ValueSpec types print; `field` names a ticket field, so it needs the target's field names. */
export interface ValueSpecContext {
  fieldNames: string
  indent: string
}

const JSON_VALUE = "import('@ablauf/sdk').JsonValue"

/** The TypeScript type of a value described by a {@link ValueSpec}. */
export function valueSpecType(spec: ValueSpec, ctx: ValueSpecContext): string {
  switch (spec.type) {
    case 'string':
    case 'date':
    case 'datetime':
      return spec.values?.length ? literalUnion(spec.values) : 'string'
    case 'number':
    case 'integer':
      return 'number'
    case 'boolean':
      return 'boolean'
    case 'field':
      return ctx.fieldNames
    case 'array': {
      const item = spec.items ? valueSpecType(spec.items, ctx) : JSON_VALUE
      return `Array<${item}>`
    }
    case 'object':
      return spec.properties ? objectType(spec.properties, ctx) : `{ [key: string]: ${JSON_VALUE} }`
    case 'any':
      return spec.anyOf === undefined ? JSON_VALUE : spec.anyOf.map((variant) => valueSpecType(variant, ctx)).join(' | ')
  }
}

/** An object type with one property per entry, sorted; optional unless `required`. */
export function objectType(properties: Record<string, ValueSpec>, ctx: ValueSpecContext): string {
  const names = Object.keys(properties).sort(compareText)
  // Not `{}`: that type would accept any object, as excess property checks skip it.
  if (names.length === 0) return 'Record<string, never>'
  const inner = `${ctx.indent}  `
  const lines = names.flatMap((name) => {
    const spec = properties[name] as ValueSpec
    const optional = spec.required === true ? '' : '?'
    return [...docLine(spec.description, inner), `${inner}${key(name)}${optional}: ${valueSpecType(spec, { ...ctx, indent: inner })}`]
  })
  return ['{', ...lines, `${ctx.indent}}`].join('\n')
}
