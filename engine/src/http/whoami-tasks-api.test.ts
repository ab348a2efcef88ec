import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { customerDefinition, intakeDefinition } from '../web/test-support/web-fixtures.js'
import { SOURCE, startHarness, type ApiHarness } from './test-support/api-harness.js'

interface Spec {
  type: string
  label: string
  values?: { value: string; label: string }[]
}
interface TasksWithSpecs {
  tasks: { processId: string; processName: string; activity: string; activityName: string; dialogs: { id: string; fields: { field: string; spec: Spec }[] }[] }[]
}

describe('whoami and what tasks tell a form', () => {
  let h: ApiHarness
  beforeEach(async () => {
    h = await startHarness()
  })
  afterEach(async () => h.close())

  it('names the token, its scopes and its login', async () => {
    expect((await h.call('GET', '/api/v1/whoami', { token: 'admin' })).body).toEqual({ name: 'admin', scopes: ['admin'] })
    expect((await h.call('GET', '/api/v1/whoami', { token: 'read' })).body).toEqual({ name: 'read', scopes: ['read'] })
    expect((await h.call('GET', '/api/v1/whoami', { token: 'anna' })).body).toEqual({ name: 'anna', scopes: ['agent:anna.agent'], login: 'anna.agent' })
    expect((await h.call('GET', '/api/v1/whoami', { token: 'carla' })).body).toEqual({ name: 'carla', scopes: ['customer:c.miller'], login: 'c.miller' })
    expect((await h.call('GET', '/api/v1/whoami', { token: null })).status).toBe(401)
    expect((await h.call('GET', '/api/v1/whoami?x=1', { token: 'read' })).status).toBe(400)
  })

  it('lists tasks with process and activity names and a spec per dialog field, for customers too', async () => {
    const withTicketFields = {
      ...customerDefinition,
      activities: customerDefinition.activities.map((a) =>
        a.kind !== 'user' ? a : { ...a, dialogs: a.dialogs?.map((d) => ({ ...d, fields: [...d.fields, { field: 'Priority', display: 'optional' }, { field: 'CustomerUser', display: 'optional' }] })) },
      ),
    }
    expect((await h.call('POST', '/api/v1/deployments', { token: 'deploy', body: { definitions: [intakeDefinition, withTicketFields], source: SOURCE } })).status).toBe(201)
    expect((await h.call('POST', '/api/v1/tickets', { token: 'carla', body: { Title: 'Licence expired', Queue: 'Software' } })).status).toBe(201)
    expect((await h.call('POST', '/api/v1/tickets', { token: 'anna', body: { Title: 'Laptop', Queue: 'Service Desk' } })).status).toBe(201)

    const customer = await h.call<TasksWithSpecs>('GET', '/api/v1/tasks', { token: 'carla' })
    expect(customer.body.tasks).toHaveLength(1)
    const [task] = customer.body.tasks
    expect(task).toMatchObject({ processId: 'software-details', processName: 'Software details', activity: 'describe', activityName: 'Describe' })
    const specs = Object.fromEntries(task?.dialogs[0]?.fields.map((f) => [f.field, f.spec]) ?? [])
    expect(specs).toEqual({
      Article: { type: 'Article', label: 'Article' },
      DynamicField_Serial: { type: 'Text', label: 'Serial number' },
      DynamicField_Impact: { type: 'Dropdown', label: 'Impact', values: ['single user', 'department', 'company'].map((v) => ({ value: v, label: v })) },
      DynamicField_LeaveStart: { type: 'Date', label: 'Leave starts' },
      DynamicField_Urgent: { type: 'Checkbox', label: 'Urgent' },
      Priority: { type: 'Dropdown', label: 'Priority', values: ['1 very low', '2 low', '3 normal', '4 high', '5 very high'].map((v) => ({ value: v, label: v })) },
      // Other customers' names are not listed to a customer.
      CustomerUser: { type: 'Text', label: 'Customer user' },
    })

    const admin = await h.call<TasksWithSpecs>('GET', '/api/v1/tasks', { token: 'admin' })
    const forAdmin = admin.body.tasks.find((t) => t.processId === 'software-details')
    const customerUser = forAdmin?.dialogs[0]?.fields.find((f) => f.field === 'CustomerUser')?.spec
    expect(customerUser?.type).toBe('Dropdown')
    expect(customerUser?.values).toContainEqual({ value: 'c.miller', label: 'Carla Miller (c.miller, ACME)' })
    const intake = admin.body.tasks.find((t) => t.processId === 'device-intake')
    expect(intake).toMatchObject({ processName: 'Device intake', activityName: 'Classify' })
  })

  it('lists a task as its stored row with the names, its ticket and its dialogs, for every audience alike', async () => {
    expect((await h.call('POST', '/api/v1/deployments', { token: 'deploy', body: { definitions: [intakeDefinition], source: SOURCE } })).status).toBe(201)
    const created = await h.call('POST', '/api/v1/tickets', { token: 'anna', body: { Title: 'Laptop', Queue: 'Service Desk' } })
    for (const token of ['admin', 'anna', 'admin'] as const) {
      const { body } = await h.call<{ tasks: Record<string, unknown>[] }>('GET', '/api/v1/tasks', { token })
      const [task] = body.tasks
      const row = await h.store.transaction((tx) => tx.userTasks.get(String(task?.['id'])), { readOnly: true })
      expect(Object.keys(task ?? {})).toEqual([...Object.keys(row ?? {}), 'processName', 'activityName', 'ticket'])
      const { ticket } = created.body
      expect(task).toEqual({
        ...row,
        dialogs: [expect.objectContaining({ id: row?.dialogs[0]?.id, fields: expect.any(Array) })],
        processName: 'Device intake',
        activityName: 'Classify',
        ticket: { id: ticket.id, number: ticket.number, Title: 'Laptop', Queue: 'Service Desk', State: ticket.State },
      })
    }
  })
})
