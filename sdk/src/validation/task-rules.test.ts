import { describe, expect, test } from 'vitest'
import type { JsonValue } from '../definition/activity-schema.js'
import { validateDefinition } from './validate-definition.js'
import { testTarget } from './fixtures/test-target.js'
import { changed, summary } from './fixtures/test-definitions.js'

describe('script tasks', () => {
  test('UNKNOWN_SCRIPT with a suggestion', () => {
    const def = changed((d) => {
      d.activities[0]!.script = 'classify-by-keyword'
    })
    const issues = validateDefinition(def, { target: testTarget })
    expect(summary(issues)).toEqual(['UNKNOWN_SCRIPT at activities.0.script'])
    expect(issues[0]?.message).toBe('unknown script "classify-by-keyword" — did you mean "classify-by-keywords"?')
  })

  test('UNKNOWN_SCRIPT_PARAM, MISSING_SCRIPT_PARAM and SCRIPT_PARAM_TYPE', () => {
    const def = changed((d) => {
      d.activities[0]!.params = { sorce: 'Title', language: 'fr', threshold: 'high', keywords: ['disk', 3], constructor: 'x' }
    })
    const issues = validateDefinition(def, { target: testTarget })
    expect(summary(issues)).toEqual([
      'MISSING_SCRIPT_PARAM at activities.0.params',
      'UNKNOWN_SCRIPT_PARAM at activities.0.params.constructor',
      'SCRIPT_PARAM_TYPE at activities.0.params.keywords.1',
      'SCRIPT_PARAM_TYPE at activities.0.params.language',
      'UNKNOWN_SCRIPT_PARAM at activities.0.params.sorce',
      'SCRIPT_PARAM_TYPE at activities.0.params.threshold',
    ])
    expect(issues.map((i) => i.message)).toEqual([
      'script "classify-by-keywords" needs the parameter "source" (the field to read); add it to params',
      'unknown parameter "constructor" of script "classify-by-keywords"; known: "source", "language", "threshold", "keywords"',
      'parameter "keywords[1]" is of type string; the number 3 does not fit',
      'unknown value of parameter "language" "fr"; known: "de", "en"',
      'unknown parameter "sorce" of script "classify-by-keywords" — did you mean "source"?',
      'parameter "threshold" is of type number; the string "high" does not fit',
    ])
  })

  test('a field parameter names a built-in field or an existing dynamic field', () => {
    const bad = changed((d) => {
      d.activities[0]!.params = { source: 'DynamicField_Serail' }
    })
    expect(summary(validateDefinition(bad, { target: testTarget }))).toEqual(['UNKNOWN_DYNAMIC_FIELD at activities.0.params.source'])
    const typo = changed((d) => {
      d.activities[0]!.params = { source: 'Titel' }
    })
    expect(validateDefinition(typo, { target: testTarget })[0]?.message).toBe('unknown ticket field "Titel" — did you mean "Title"?')
  })
  test('a value a script writes must fit the field it goes to: the rule\'s own field, else the script\'s target', () => {
    const def = changed((d) => {
      d.activities[0]!.script = 'set-by-rules'
      d.activities[0]!.params = {
        target: 'DynamicField_Category',
        rules: [{ value: 'hardwar' }, { field: 'DynamicField_Count', value: 'many' }, { field: 'Queue', value: 'Hardwre' }, { value: 'network' }],
        default: 'sofware',
      }
    })
    const issues = validateDefinition(def, { target: testTarget })
    expect(issues.map((i) => `${i.code} at ${i.path.join('.')}: ${i.message}`)).toEqual([
      'UNKNOWN_FIELD_VALUE at activities.0.params.default: unknown value of DynamicField_Category "sofware" — did you mean "software"?',
      'UNKNOWN_FIELD_VALUE at activities.0.params.rules.0.value: unknown value of DynamicField_Category "hardwar" — did you mean "hardware"?',
      'WRONG_VALUE_TYPE at activities.0.params.rules.1.value: DynamicField_Count is an Integer field; use a whole number, not the string "many"',
      'UNKNOWN_QUEUE at activities.0.params.rules.2.value: unknown queue "Hardwre" — did you mean "Hardware"?',
    ])
  })

  test('a parameter of several shapes is checked as the shape the value has', () => {
    const issuesFor = (source: JsonValue): string[] =>
      validateDefinition(changed((d) => {
        d.activities[0]!.script = 'set-by-rules'
        d.activities[0]!.params = { source }
      }), { target: testTarget }).map((i) => `${i.code} at ${i.path.join('.')}: ${i.message}`)
    expect(issuesFor('Title')).toEqual([])
    expect(issuesFor(['Title', 'Articel'])).toEqual(['SCRIPT_PARAM_TYPE at activities.0.params.source.1: unknown ticket field "Articel" — did you mean "Article"?'])
    expect(issuesFor(5)).toEqual(['SCRIPT_PARAM_TYPE at activities.0.params.source: parameter "source" is a field or an array; the number 5 does not fit'])
  })

  test('a template parameter has well-formed placeholders naming known fields', () => {
    const def = changed((d) => {
      d.activities[0]!.script = 'render-template'
      d.activities[0]!.params = { template: 'Re: {{ticket.Titel}} / {{ticket.DynamicField.Serail}} / {{ticket.Title}}', field: 'DynamicField_Warranty' }
    })
    const issues = validateDefinition(def, { target: testTarget })
    expect(issues.map((i) => `${i.code} at ${i.path.join('.')}`)).toEqual(['PLACEHOLDER_INVALID at activities.0.params.template', 'UNKNOWN_FIELD at activities.0.params.template'])
    expect(issues[0]?.message).toContain('did you mean "Title"?')
    expect(issues[1]?.message).toContain('did you mean "Serial"?')
  })
})

describe('service tasks', () => {
  test('UNKNOWN_WEB_SERVICE with a suggestion', () => {
    const def = changed((d) => {
      d.activities[1]!.webService = 'erp'
    })
    const issues = validateDefinition(def, { target: testTarget })
    expect(summary(issues)).toEqual(['UNKNOWN_WEB_SERVICE at activities.1.webService'])
    expect(issues[0]?.message).toBe('unknown web service "erp" — did you mean "ERP"?')
  })

  test('UNKNOWN_INVOKER of a known web service', () => {
    const def = changed((d) => {
      d.activities[1]!.invoker = 'WarantyLookup'
    })
    const issues = validateDefinition(def, { target: testTarget })
    expect(summary(issues)).toEqual(['UNKNOWN_INVOKER at activities.1.invoker'])
    expect(issues[0]?.message).toBe('unknown invoker "WarantyLookup" of web service "ERP" — did you mean "WarrantyLookup"?')
  })

  test('the request maps every required input of the invoker, on paths the engine sends, with allowed values', () => {
    const def = changed((d) => {
      d.activities[1] = {
        ...d.activities[1]!,
        webService: 'Approvals',
        invoker: 'Request',
        input: { 'body.risk': 'hgh', 'body.tiket': '{{ticket.TicketNumber}}', 'bdy.note': 'x', 'headers.X-Trace': 'on', 'query.level': '{{ticket.Priority}}' },
        output: { 'body.decision': 'DynamicField_Decision' },
      }
    })
    const issues = validateDefinition(def, { target: testTarget })
    expect(issues.map((i) => `${i.severity} ${i.code} at ${i.path.join('.')}: ${i.message}`).sort()).toEqual([
      'error MISSING_SERVICE_INPUT at activities.1.input: invoker "Request" of web service "Approvals" needs the input "ticket" (the ticket number); map it, e.g. input: { \'body.ticket\': \'{{ticket.…}}\' }',
      'error SERVICE_INPUT_PATH at activities.1.input.bdy.note: request path "bdy.note" must be body.<name>, query.<name>, headers.<Name> or path.<name> — did you mean "body.note"?',
      'error SERVICE_INPUT_VALUE at activities.1.input.body.risk: unknown value of input "risk" "hgh" — did you mean "high"?',
      'warning SERVICE_OUTPUT_VALUES at activities.1.output.body.decision: invoker "Request" of web service "Approvals" may answer "pending" at body.decision, which DynamicField_Decision does not have; such an answer fails the call',
      'warning UNKNOWN_SERVICE_INPUT at activities.1.input.body.tiket: unknown input "tiket" of invoker "Request" of web service "Approvals" — did you mean "ticket"?',
      'warning UNKNOWN_SERVICE_INPUT at activities.1.input.query.level: unknown input "level" of invoker "Request" of web service "Approvals"; known: "ticket", "risk"',
    ])
  })

  test('output writes to dynamic fields that exist', () => {
    const def = changed((d) => {
      d.activities[1]!.output = { 'body.status': 'DynamicField_Waranty', 'body.queue': 'Queue' }
    })
    expect(summary(validateDefinition(def, { target: testTarget }))).toEqual(['UNKNOWN_DYNAMIC_FIELD at activities.1.output.body.status'])
  })
})

describe('sub-process tasks', () => {
  test('a new ticket names an existing queue, state and priority', () => {
    const def = changed((d) => {
      d.activities.push({
        id: 'order-parts',
        name: 'Order parts',
        description: 'x',
        kind: 'subprocess',
        process: 'order-parts',
        ticket: 'new',
        newTicket: { title: 'Parts for {{ticket.TicketNumber}}', queue: 'Hardwar', state: 'open', priority: 'urgent' },
      })
      d.transitions.push(
        { id: 'to-order', from: 'confirm', to: 'order-parts', description: 'x' },
        { id: 'order-done', from: 'order-parts', to: 'done', description: 'x' },
      )
    })
    expect(summary(validateDefinition(def, { target: testTarget }))).toEqual([
      'UNKNOWN_PRIORITY at activities.4.newTicket.priority',
      'UNKNOWN_QUEUE at activities.4.newTicket.queue',
    ])
  })
})
