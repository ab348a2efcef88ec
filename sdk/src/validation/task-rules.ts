import type { ScriptActivity, ServiceActivity, SubprocessActivity } from '../definition/activity-schema.js'
import { dynamicFieldName, isDynamicFieldRef } from '../definition/fields.js'
import type { Issue } from '../errors.js'
import { checkDynamicField, checkRef } from './reference-check.js'
import { error, type IssuePath, type RuleContext, type TargetIndex } from './rule-context.js'
import { checkScriptParams } from './script-param-check.js'
import { checkServiceIo } from './service-io-check.js'
import { unknownMessage } from './suggest.js'

/** Script, service and sub-process tasks name scripts, web services, invokers and fields the target has. */
export function taskRules({ def, target }: RuleContext): Issue[] {
  if (target === undefined) return []
  return def.activities.flatMap((a, i): Issue[] => {
    const path: IssuePath = ['activities', i]
    if (a.kind === 'script') return scriptTask(target, a, path)
    if (a.kind === 'service') return serviceTask(target, a, path)
    if (a.kind === 'subprocess') return subprocessTask(target, a, path)
    return []
  })
}

function scriptTask(t: TargetIndex, a: ScriptActivity, path: IssuePath): Issue[] {
  const script = t.scripts.get(a.script)
  if (script === undefined) return [error('UNKNOWN_SCRIPT', [...path, 'script'], unknownMessage('script', a.script, t.scripts.keys()))]
  return checkScriptParams(t, script, a.params, [...path, 'params'])
}

function serviceTask(t: TargetIndex, a: ServiceActivity, path: IssuePath): Issue[] {
  const ws = t.webServices.get(a.webService)
  const out: Issue[] = []
  if (ws === undefined) {
    out.push(error('UNKNOWN_WEB_SERVICE', [...path, 'webService'], unknownMessage('web service', a.webService, t.webServices.keys())))
  } else {
    const invoker = ws.invokers.find((inv) => inv.name === a.invoker)
    if (invoker === undefined) {
      const names = ws.invokers.map((inv) => inv.name)
      out.push(error('UNKNOWN_INVOKER', [...path, 'invoker'], unknownMessage('invoker', a.invoker, names, ` of web service "${ws.name}"`)))
    } else {
      out.push(...checkServiceIo(t, a, invoker, path))
    }
  }
  for (const [responsePath, field] of Object.entries(a.output)) {
    if (isDynamicFieldRef(field)) out.push(...checkDynamicField(t, dynamicFieldName(field), [...path, 'output', responsePath]))
  }
  return out
}

function subprocessTask(t: TargetIndex, a: SubprocessActivity, path: IssuePath): Issue[] {
  const n = a.newTicket
  if (n === undefined) return []
  return [
    ...checkRef(t, 'queue', n.queue, [...path, 'newTicket', 'queue']),
    ...(n.state === undefined ? [] : checkRef(t, 'state', n.state, [...path, 'newTicket', 'state'])),
    ...(n.priority === undefined ? [] : checkRef(t, 'priority', n.priority, [...path, 'newTicket', 'priority'])),
  ]
}
