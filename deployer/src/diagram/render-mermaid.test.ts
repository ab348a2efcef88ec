import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { processDefinitionSchema, type ProcessDefinitionInput } from '@ablauf/sdk'
import { describe, expect, it } from 'vitest'
import { renderMermaid } from './render-mermaid.js'

const GOLDEN = fileURLToPath(new URL('../../fixtures/diagram/all-shapes.mmd', import.meta.url))

const input: ProcessDefinitionInput = {
  apiVersion: 'ablauf/v1',
  id: 'all-shapes',
  name: 'Every "shape" <once>',
  start: { on: 'manual', activity: 'ask' },
  activities: [
    { id: 'ask', kind: 'user', name: 'Ask [customer]', dialogs: [{ id: 'ask', title: 'Ask', interface: ['customer'], fields: [] }] },
    { id: 'classify', kind: 'script', name: 'Classify', script: 'classify-by-keywords', params: { source: 'Title' } },
    { id: 'lookup', kind: 'service', name: 'Lookup', webService: 'ERP', invoker: 'WarrantyLookup' },
    { id: 'approve', kind: 'subprocess', name: 'Approval', process: 'approval' },
    { id: 'wait', kind: 'wait', name: 'Wait for #reply' },
    { id: 'end', kind: 'end', name: 'End' },
  ],
  transitions: [
    { id: 't1', from: 'ask', to: 'classify' },
    {
      id: 't2',
      from: 'classify',
      to: 'lookup',
      condition: {
        op: 'all',
        of: [
          { op: 'eq', field: 'DynamicField_Category', value: 'hardware' },
          { op: 'any', of: [{ op: 'in', field: 'Queue', values: ['A', 'B'] }, { op: 'empty', field: 'Owner' }] },
        ],
      },
      actions: [{ type: 'setQueue', queue: 'Hardware' }, { type: 'setDynamicField', field: 'Category', value: 'hardware' }],
    },
    { id: 't3', from: 'classify', to: 'approve', condition: { op: 'not', of: { op: 'regex', field: 'Title', pattern: '"urgent"|<b>' } } },
    { id: 't4', from: 'lookup', to: 'wait', on: 'error', actions: [{ type: 'addArticle', article: { subject: 'failed', body: 'x' } }] },
    { id: 't5', from: 'lookup', to: 'approve' },
    { id: 't6', from: 'approve', to: 'wait' },
    { id: 't7', from: 'wait', to: 'end', condition: { op: 'gte', field: 'DynamicField_Escalations', value: 2 } },
  ],
}

describe('renderMermaid', () => {
  it('draws every activity kind, the start, labelled and dashed edges, with quotes and brackets escaped', () => {
    const text = renderMermaid(processDefinitionSchema.parse(input))
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(GOLDEN)) writeFileSync(GOLDEN, text)
    expect(text).toBe(readFileSync(GOLDEN, 'utf8'))
  })

  it('names no node after a Mermaid keyword or with a dash', () => {
    const text = renderMermaid(processDefinitionSchema.parse(input))
    expect(text).toContain('a_end((("End")))')
    expect(text).not.toMatch(/^\s+end\b/m)
  })
})
