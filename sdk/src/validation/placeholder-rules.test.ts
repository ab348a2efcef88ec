import { describe, expect, test } from 'vitest'
import { validateDefinition } from './validate-definition.js'
import { testTarget } from './fixtures/test-target.js'
import { changed, summary } from './fixtures/test-definitions.js'

const withActions = (actions: unknown[]) =>
  changed((d) => {
    d.transitions[1]!.actions = actions
  })

describe('placeholder rules', () => {
  test('PLACEHOLDER_INVALID in every text of an action, with its path', () => {
    const def = withActions([
      { type: 'setTitle', title: '{{ticket.Titel}}' },
      { type: 'addArticle', article: { subject: '{{tikcet.Title}}', body: 'ok {{ticket.Title}}' } },
      { type: 'sendEmail', to: ['{{customer.Mail}}'], cc: ['{{owner}}'], bcc: ['{{}}'], subject: '{{process.Name}}', body: '{{ticket.DynamicField}}' },
      { type: 'createTicket', title: '{{responsible.Email.x}}', queue: 'Raw', article: { subject: 's', body: '{{ticket.Queue' } },
      { type: 'addLink', ticketNumber: '{{foo.Bar}}' },
    ])
    const issues = validateDefinition(def, { target: testTarget })
    expect(summary(issues)).toEqual([
      'PLACEHOLDER_INVALID at transitions.1.actions.0.title',
      'PLACEHOLDER_INVALID at transitions.1.actions.1.article.subject',
      'PLACEHOLDER_INVALID at transitions.1.actions.2.bcc.0',
      'PLACEHOLDER_INVALID at transitions.1.actions.2.body',
      'PLACEHOLDER_INVALID at transitions.1.actions.2.cc.0',
      'PLACEHOLDER_INVALID at transitions.1.actions.2.to.0',
      'PLACEHOLDER_INVALID at transitions.1.actions.3.article.body',
      'PLACEHOLDER_INVALID at transitions.1.actions.3.title',
      'PLACEHOLDER_INVALID at transitions.1.actions.4.ticketNumber',
    ])
    const message = (path: string) => issues.find((i) => i.path.join('.') === path)?.message
    expect(message('transitions.1.actions.0.title')).toBe('{{ticket.Titel}}: unknown ticket field "Titel" — did you mean "Title"?')
    expect(message('transitions.1.actions.1.article.subject')).toMatch(/^\{\{tikcet.Title\}\}: unknown placeholder root "tikcet".* — did you mean "ticket"\?$/)
    expect(message('transitions.1.actions.3.article.body')).toMatch(/^unbalanced braces/)
  })

  test('UNKNOWN_FIELD: a placeholder names a dynamic field the target does not have', () => {
    const def = withActions([{ type: 'setTitle', title: 'Serial {{ticket.DynamicField.Serail}}' }])
    const issues = validateDefinition(def, { target: testTarget })
    expect(summary(issues)).toEqual(['UNKNOWN_FIELD at transitions.1.actions.0.title'])
    expect(issues[0]?.message).toBe('{{ticket.DynamicField.Serail}}: unknown dynamic field "Serail" — did you mean "Serial"?')
  })

  test('service inputs and sub-process ticket titles are checked too', () => {
    const def = changed((d) => {
      d.activities[1]!.input = { 'body.serial': '{{ticket.DynamicField.Nope}}', 'body.who': '{{custmer.Email}}' }
      d.activities.push({
        id: 'follow-up',
        name: 'Follow-up',
        description: 'x',
        kind: 'subprocess',
        process: 'follow-up',
        ticket: 'new',
        newTicket: { title: 'About {{ticket.Tilte}}', queue: 'Raw' },
      })
      d.transitions.push(
        { id: 'to-follow-up', from: 'confirm', to: 'follow-up', description: 'x' },
        { id: 'follow-up-done', from: 'follow-up', to: 'done', description: 'x' },
      )
    })
    expect(summary(validateDefinition(def, { target: testTarget }))).toEqual([
      'UNKNOWN_FIELD at activities.1.input.body.serial',
      'PLACEHOLDER_INVALID at activities.1.input.body.who',
      'PLACEHOLDER_INVALID at activities.4.newTicket.title',
    ])
  })

  test('without a target only the shape is checked', () => {
    const def = withActions([{ type: 'setTitle', title: '{{ticket.DynamicField.Anything}} {{ process.Name }}' }])
    expect(validateDefinition(def)).toEqual([])
  })
})
