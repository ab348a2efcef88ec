import { describe, expect, test } from 'vitest'
import { parsePlaceholders, placeholderProblem } from './placeholders.js'

describe('parsePlaceholders', () => {
  test('finds every placeholder in order, trimmed, with its offset', () => {
    const found = parsePlaceholders('Hi {{ customer.FirstName }}, ticket {{ticket.TicketNumber}} / {{ticket.DynamicField.Category}}')
    expect(found.map((p) => [p.expression, p.path, p.index])).toEqual([
      ['customer.FirstName', ['customer', 'FirstName'], 3],
      ['ticket.TicketNumber', ['ticket', 'TicketNumber'], 36],
      ['ticket.DynamicField.Category', ['ticket', 'DynamicField', 'Category'], 62],
    ])
    expect(found[0]?.raw).toBe('{{ customer.FirstName }}')
  })

  test('text without placeholders, or with a lone brace, has none', () => {
    expect(parsePlaceholders('no {placeholders} here')).toEqual([])
    expect(parsePlaceholders('{{ticket.Title')).toEqual([])
  })
})

describe('placeholderProblem', () => {
  test.each([
    [['ticket', 'Title']],
    [['ticket', 'DynamicField', 'Category']],
    [['customer', 'Email']],
    [['owner', 'FirstName']],
    [['responsible', 'Login']],
    [['process', 'Name']],
  ])('%j is well-formed', (path) => {
    expect(placeholderProblem(path)).toBeUndefined()
  })

  test.each([
    [[''], 'empty placeholder'],
    [['tiket', 'Title'], 'unknown placeholder root "tiket"; use one of ticket, customer, owner, responsible, process'],
    [['ticket', 'Titel'], 'unknown ticket field "Titel"'],
    [['ticket'], 'write a ticket placeholder as {{ticket.<Field>}}'],
    [['ticket', 'DynamicField'], 'write a dynamic field placeholder as {{ticket.DynamicField.<Name>}}'],
    [['ticket', 'DynamicField', 'A', 'B'], 'write a dynamic field placeholder as {{ticket.DynamicField.<Name>}}'],
    [['customer', 'Phone'], 'unknown customer field "Phone"; use one of Login, Email, FirstName, LastName, CustomerID'],
    [['process', 'Owner'], 'unknown process field "Owner"; use one of ID, Name, Activity'],
  ])('%j: %s', (path, message) => {
    expect(placeholderProblem(path)).toBe(message)
  })
})
