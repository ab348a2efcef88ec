import type { ServiceActivity } from '../definition/activity-schema.js'
import { dynamicFieldName, isDynamicFieldRef } from '../definition/fields.js'
import type { Issue } from '../errors.js'
import type { TargetSnapshot } from '../target/target-schema.js'
import { error, warning, type IssuePath, type TargetIndex } from './rule-context.js'
import { suggest, unknownMessage } from './suggest.js'

type InvokerSpec = TargetSnapshot['webServices'][number]['invokers'][number]

/** The request roots the engine sends (see the engine's request builder). */
const REQUEST_ROOTS = ['body', 'query', 'headers', 'header', 'path']
/** Roots whose values are the invoker's declared inputs; headers are free. */
const VALUE_ROOTS = new Set(['body', 'query', 'path'])

/** The last segment of a dotted path: the name of the value it carries (`body.device.serial` → `serial`). */
const nameOf = (path: string): string => path.slice(path.lastIndexOf('.') + 1)

/**
 * A service task's `input` and `output` against its invoker: request paths the engine can send, every
 * required input mapped, literal values among the allowed ones; answers the written field can take.
 */
export function checkServiceIo(t: TargetIndex, a: ServiceActivity, invoker: InvokerSpec, path: IssuePath): Issue[] {
  const out: Issue[] = []
  const target = `invoker "${invoker.name}" of web service "${a.webService}"`
  const declared = Object.keys(invoker.input)
  const mapped = new Set<string>()
  for (const [requestPath, value] of Object.entries(a.input)) {
    const at = [...path, 'input', requestPath]
    const dot = requestPath.indexOf('.')
    const root = dot < 0 ? requestPath : requestPath.slice(0, dot)
    if (dot < 0 || !REQUEST_ROOTS.includes(root)) {
      const hint = suggest(root, REQUEST_ROOTS)
      out.push(error('SERVICE_INPUT_PATH', at, `request path "${requestPath}" must be body.<name>, query.<name>, headers.<Name> or path.<name>${hint === undefined || dot < 0 ? '' : ` — did you mean "${hint}.${requestPath.slice(dot + 1)}"?`}`))
      continue
    }
    const name = nameOf(requestPath)
    mapped.add(name)
    if (!VALUE_ROOTS.has(root) || declared.length === 0) continue
    const spec = invoker.input[name]
    if (spec === undefined) {
      out.push(warning('UNKNOWN_SERVICE_INPUT', at, unknownMessage('input', name, declared, ` of ${target}`)))
    } else if (spec.values !== undefined && !value.includes('{{') && !spec.values.includes(value)) {
      out.push(error('SERVICE_INPUT_VALUE', at, unknownMessage(`value of input "${name}"`, value, spec.values)))
    }
  }
  for (const [name, spec] of Object.entries(invoker.input)) {
    if (spec.required !== true || mapped.has(name)) continue
    const why = spec.description === undefined ? '' : ` (${spec.description})`
    out.push(error('MISSING_SERVICE_INPUT', [...path, 'input'], `${target} needs the input "${name}"${why}; map it, e.g. input: { 'body.${name}': '{{ticket.…}}' }`))
  }
  for (const [responsePath, field] of Object.entries(a.output)) {
    const spec = invoker.output[nameOf(responsePath)]
    if (spec?.values === undefined || !isDynamicFieldRef(field)) continue
    const df = t.dynamicFields.get(dynamicFieldName(field))
    if (df === undefined || (df.type !== 'Dropdown' && df.type !== 'Multiselect')) continue
    const missing = spec.values.filter((v) => !(df.values ?? []).includes(v))
    if (missing.length > 0) {
      const list = missing.map((v) => JSON.stringify(v)).join(', ')
      out.push(warning('SERVICE_OUTPUT_VALUES', [...path, 'output', responsePath], `${target} may answer ${list} at ${responsePath}, which ${field} does not have; such an answer fails the call`))
    }
  }
  return out
}
