import { parseDefinition, type ProcessDefinition } from '@ablauf/sdk/definition'

/** A small valid process for tests: `start` (user) → `done` (end), named `name`. */
export function sampleDefinition(id: string, name = `Process ${id}`, extraActivity?: string): ProcessDefinition {
  const r = parseDefinition({
    apiVersion: 'ablauf/v1',
    id,
    name,
    start: { on: 'ticket.created', activity: 'start' },
    activities: [
      { id: 'start', name: 'Start', kind: 'user', dialogs: [{ id: 'form', title: 'Form', interface: ['agent'], fields: [{ field: 'Title', display: 'required' }] }] },
      ...(extraActivity ? [{ id: extraActivity, name: extraActivity, kind: 'wait' }] : []),
      { id: 'done', name: 'Done', kind: 'end' },
    ],
    transitions: [{ id: 'start-done', from: 'start', to: 'done', actions: [{ type: 'setState', state: 'closed successful' }] }],
  })
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return r.value
}
