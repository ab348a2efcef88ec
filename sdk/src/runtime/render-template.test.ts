import { describe, expect, it } from 'vitest'
import { createRuntimeEnv } from '../testing/runtime-env.js'
import { createTicketSnapshot } from '../testing/ticket-snapshot.js'
import { renderTemplate } from './render-template.js'

const env = createRuntimeEnv({
  users: [{ login: 'jdoe', firstName: 'John', lastName: 'Doe', email: 'john@example.com' }],
  customerUsers: [{ login: 'jane', customerId: 'ACME', firstName: 'Jane', email: 'jane@acme.example' }],
})
const ticket = createTicketSnapshot({ Title: 'Laptop broken', Owner: 'jdoe', CustomerUser: 'jane', DynamicField_Tags: ['a', 'b'] })
const process = { id: 'incident-triage', name: 'Incident triage', activity: 'confirm' }

describe('renderTemplate', () => {
  it('fills ticket, dynamic field, person and process placeholders', () => {
    const text = '{{ticket.Title}} [{{ticket.DynamicField.Tags}}] for {{customer.FirstName}} <{{customer.Email}}>, owner {{owner.Email}} ({{process.Name}}/{{process.Activity}}) #{{ticket.TicketNumber}}'
    expect(renderTemplate(text, { ticket, process, env })).toBe(
      'Laptop broken [a, b] for Jane <jane@acme.example>, owner john@example.com (Incident triage/confirm) #2025010110000001',
    )
  })

  it('renders unknown and missing values as empty text', () => {
    expect(renderTemplate('[{{responsible.Email}}][{{ticket.DynamicField.Nope}}][{{ticket.Nope}}][{{ customer.Email }}]', { ticket, process })).toBe('[][][][]')
  })

  it('renders a login even without a directory of people', () => {
    expect(renderTemplate('{{owner.Login}} / {{customer.CustomerID}}', { ticket: { ...ticket, CustomerID: 'ACME' }, process })).toBe('jdoe / ACME')
  })
})
