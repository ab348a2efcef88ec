import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { typeCheck } from './fixtures/typescript-harness.js'

// Augmenting `Register` is global to a program, so the registered case is checked in programs of its
// own through the compiler API, with the generated fixture register-demo.d.ts (the demo target).
const REGISTER = 'sdk/src/dsl/fixtures/register-demo.d.ts'
const USAGE = 'sdk/src/dsl/fixtures/registered-usage.ts'
const SCRATCH = 'sdk/src/dsl/fixtures/scratch-check.ts'
const usage = readFileSync(new URL('./fixtures/registered-usage.ts', import.meta.url), 'utf8')

describe('with a target registered', () => {
  it('accepts the right names and rejects every wrong one (each @ts-expect-error is used)', () => {
    const result = typeCheck(USAGE, usage, [REGISTER], 'sdk/src/dsl/')
    expect(result.diagnostics).toEqual([])
    // The DSL's own sources must compile with a target registered too (processes/ type-checks them).
    expect(result.otherDiagnostics).toEqual([])
  })

  it('without the registration every one of those lines compiles (the errors come from the target)', () => {
    const directives = usage
      .split('\n')
      .flatMap((line, i) => (line.trim().startsWith('// @ts-expect-error') ? [`${i + 1}:1 TS2578 Unused '@ts-expect-error' directive.`] : []))
    expect(directives.length).toBeGreaterThan(30)
    expect(typeCheck(USAGE, usage).diagnostics).toEqual(directives)
  })

  it('explains what is wrong', () => {
    const source = [
      "import { defineProcess, field, setQueue } from '@ablauf/sdk'",
      "setQueue('Servce Desk')",
      "field('DynamicField_Category').eq('printer')",
      "defineProcess('p', { name: 'P', start: { on: 'ticket.created' } }).service('s', { webService: 'ERP', invoker: 'CustomerLookup' })",
      "defineProcess('p', { name: 'P', start: { on: 'ticket.created' } }).wait('a').end('a')",
    ].join('\n')
    expect(typeCheck(SCRATCH, source, [REGISTER]).diagnostics).toEqual([
      `2:10 TS2345 Argument of type '"Servce Desk"' is not assignable to parameter of type '"Hardware" | "Service Desk" | "Software"'.`,
      `3:35 TS2345 Argument of type '"printer"' is not assignable to parameter of type '"hardware" | "network" | "software"'.`,
      `4:102 TS2322 Type '"CustomerLookup"' is not assignable to type '"OrderPart" | "WarrantyLookup"'.`,
      `5:82 TS2345 Argument of type '"a"' is not assignable to parameter of type '"activity \\"a\\" is already declared"'.`,
    ])
  })

  it('offers the target’s names as completions', () => {
    const p = "defineProcess('p', { name: 'P', start: { on: 'ticket.created' } })"
    const source = [
      "import { defineProcess, field, sendEmail, setDynamicField, setQueue, setState } from '@ablauf/sdk'",
      "setQueue('/*|*/')",
      "setState('/*|*/')",
      "field('/*|*/')",
      "field('DynamicField_Category').eq('/*|*/')",
      "setDynamicField('/*|*/')",
      `${p}.service('s', { webService: '/*|*/' })`,
      `${p}.service('s', { webService: 'ERP', invoker: '/*|*/' })`,
      `${p}.service('s', { webService: 'ERP', invoker: 'WarrantyLookup', input: { '/*|*/' } })`,
      `${p}.script('s', { script: '/*|*/' })`,
      `${p}.script('s', { script: 'classify-by-keywords', params: { /*|*/ } })`,
      `${p}.user('u', { dialogs: [{ title: 'U', fields: { /*|*/ } }] })`,
      "sendEmail({ to: 'x@example.com', template: '/*|*/' })",
      `${p}.wait('a').end('b').transition('a', '/*|*/')`,
    ].join('\n')
    const fields = [
      'Article',
      'CustomerID',
      'CustomerUser',
      'DynamicField_Category',
      'DynamicField_DueDate',
      'DynamicField_Escalations',
      'DynamicField_Serial',
      'DynamicField_Tags',
      'DynamicField_Vip',
      'DynamicField_Warranty',
      'Lock',
      'Owner',
      'PendingTime',
      'Priority',
      'Queue',
      'Responsible',
      'SLA',
      'Service',
      'State',
      'Title',
      'Type',
    ]
    const { completions } = typeCheck(SCRATCH, source, [REGISTER])
    expect(completions.map((c) => [...c].sort())).toEqual([
      ['Hardware', 'Service Desk', 'Software'],
      ['closed successful', 'new', 'open', 'pending reminder'],
      fields,
      ['hardware', 'network', 'software'],
      ['Category', 'DueDate', 'Escalations', 'Serial', 'Tags', 'Vip', 'Warranty'],
      ['CRM', 'ERP'],
      ['OrderPart', 'WarrantyLookup'],
      ['body.serial', 'path.serial', 'query.serial'],
      ['classify-by-keywords', 'noop'],
      ['minScore', 'source'],
      fields,
      ['ticket-closed'],
      ['a', 'b'],
    ])
  })
})
