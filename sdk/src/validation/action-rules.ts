import type { TransitionAction } from '../definition/action-schema.js'
import type { Issue } from '../errors.js'
import { actionsOf } from './definition-walk.js'
import { checkFieldValue } from './field-value-check.js'
import { checkDynamicField, checkRef } from './reference-check.js'
import { error, type IssuePath, type RuleContext, type TargetIndex } from './rule-context.js'

/** Transition actions name queues, states, agents, dynamic fields, … that the target has. */
export function actionRules({ def, target }: RuleContext): Issue[] {
  if (target === undefined) return []
  return actionsOf(def).flatMap(({ value, path }) => checkAction(target, value, path))
}

function checkAction(t: TargetIndex, a: TransitionAction, path: IssuePath): Issue[] {
  const at = (key: string): IssuePath => [...path, key]
  switch (a.type) {
    case 'setQueue':
      return checkRef(t, 'queue', a.queue, at('queue'))
    case 'setState':
      return checkRef(t, 'state', a.state, at('state'))
    case 'setPriority':
      return checkRef(t, 'priority', a.priority, at('priority'))
    case 'setOwner':
    case 'setResponsible':
      return checkRef(t, 'user', a.user, at('user'))
    case 'setType':
      return checkRef(t, 'type', a.ticketType, at('ticketType'))
    case 'setService':
      return checkRef(t, 'service', a.service, at('service'))
    case 'setSLA':
      return checkRef(t, 'sla', a.sla, at('sla'))
    case 'setCustomer':
      return a.customerUser === undefined ? [] : checkRef(t, 'customerUser', a.customerUser, at('customerUser'))
    case 'setDynamicField':
      return setDynamicField(t, a.field, a.value, at('field'), at('value'))
    case 'incrementDynamicField': {
      const unknown = checkDynamicField(t, a.field, at('field'))
      const type = t.dynamicFields.get(a.field)?.type
      if (unknown.length > 0 || type === 'Integer') return unknown
      return [error('WRONG_VALUE_TYPE', at('field'), `only Integer fields can be incremented, and ${a.field} is a ${type ?? 'non-Integer'} field; use setDynamicField`)]
    }
    case 'removeDynamicField':
      return checkDynamicField(t, a.field, at('field'))
    case 'sendEmail':
      return a.template === undefined ? [] : checkRef(t, 'template', a.template, at('template'))
    case 'createTicket':
      return [
        ...checkRef(t, 'queue', a.queue, at('queue')),
        ...(a.state === undefined ? [] : checkRef(t, 'state', a.state, at('state'))),
        ...(a.priority === undefined ? [] : checkRef(t, 'priority', a.priority, at('priority'))),
        ...(a.ticketType === undefined ? [] : checkRef(t, 'type', a.ticketType, at('ticketType'))),
        ...(a.owner === undefined ? [] : checkRef(t, 'user', a.owner, at('owner'))),
        ...(a.customerUser === undefined ? [] : checkRef(t, 'customerUser', a.customerUser, at('customerUser'))),
        ...Object.entries(a.dynamicFields ?? {}).flatMap(([name, value]) => {
          const p: IssuePath = [...path, 'dynamicFields', name]
          return setDynamicField(t, name, value, p, p)
        }),
      ]
    case 'setTitle':
    case 'setLock':
    case 'addArticle':
    case 'addLink':
      return []
  }
}

function setDynamicField(t: TargetIndex, name: string, value: Parameters<typeof checkFieldValue>[2], fieldPath: IssuePath, valuePath: IssuePath): Issue[] {
  const unknown = checkDynamicField(t, name, fieldPath)
  return unknown.length > 0 ? unknown : checkFieldValue(t, `DynamicField_${name}`, value, valuePath, 'set')
}
