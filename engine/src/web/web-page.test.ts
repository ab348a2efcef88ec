import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startHarness, TOKENS, type ApiHarness } from '../http/test-support/api-harness.js'
import { launchBrowser, type WebBrowser } from './test-support/web-browser.js'
import { seedIntake } from './test-support/web-fixtures.js'

describe('the engine web page in Chromium', () => {
  let browser: WebBrowser
  let h: ApiHarness
  let ticketId: string

  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => browser.close())
  beforeEach(async () => {
    h = await startHarness()
    ticketId = await seedIntake(h)
    browser.problems.length = 0
  })
  afterEach(async () => {
    for (const page of browser.context.pages()) await page.close()
    await h.close()
  })

  const signIn = async (token: string): Promise<Page> => {
    const page = await browser.open(`${h.engine.url}/`)
    await page.getByLabel('API token').fill(token)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { name: 'Inbox' }).waitFor()
    return page
  }
  const taskOf = async () => (await h.call('GET', '/api/v1/tasks', { token: 'anna' })).body.tasks as { id: string }[]
  const categoryOf = async () => (await h.call('GET', `/api/v1/tickets/${ticketId}`, { token: 'anna' })).body.ticket.DynamicField.Category ?? null

  it('lets an agent work a task: inbox, dialog, required field, submit, ticket history', async () => {
    const page = await signIn(TOKENS.anna)
    const row = page.locator('table.tasks tbody tr', { hasText: 'Laptop does not boot' })
    await row.waitFor()
    expect(await row.locator('td').allInnerTexts()).toEqual(
      expect.arrayContaining(['Service Desk', 'Device intake', 'Classify', 'Classify the device']),
    )
    expect(await page.evaluate(() => sessionStorage.getItem('ablauf.token'))).toBe(TOKENS.anna)
    expect(page.url()).not.toContain(TOKENS.anna)
    expect(await page.getByRole('link', { name: 'Instances' }).isVisible()).toBe(false)

    await row.getByRole('link', { name: 'Laptop does not boot' }).click()
    await page.getByRole('heading', { name: 'Classify the device' }).waitFor()
    expect(await page.getByText('Pick the category so the ticket reaches the right team.').isVisible()).toBe(true)
    const category = page.getByLabel('Category')
    expect(await category.evaluate((el) => [el.tagName, (el as HTMLSelectElement).required])).toEqual(['SELECT', true])
    expect(await category.locator('option').allInnerTexts()).toEqual(['— choose —', 'hardware', 'software', 'network', 'access'])
    expect(await page.getByLabel('Broken since').getAttribute('type')).toBe('date')
    expect(await page.getByLabel('Urgent').getAttribute('type')).toBe('checkbox')
    expect(await page.getByLabel('Notes').evaluate((el) => el.tagName)).toBe('TEXTAREA')
    expect(await page.getByLabel('Subject').getAttribute('type')).toBe('text')
    expect(await page.getByLabel('Text').evaluate((el) => el.tagName)).toBe('TEXTAREA')
    expect(await page.getByLabel('Impact').count()).toBe(0)
    const labels = await page.locator('form.dialog div.field > label, form.dialog legend').allInnerTexts()
    expect(labels.map((l) => l.replace(' *', ''))).toEqual(['Category', 'Serial number', 'Broken since', 'Urgent', 'Notes', 'Article'])

    // The browser stops a submission without the required field; nothing reaches the engine.
    const submit = page.getByRole('button', { name: 'Save classification' })
    await submit.click()
    const alert = page.locator('.form-errors[role="alert"]')
    await alert.getByText('Fill in Category.').waitFor()
    expect(await category.getAttribute('aria-invalid')).toBe('true')
    expect(await page.evaluate(() => document.activeElement?.classList.contains('form-errors'))).toBe(true)
    expect(await taskOf()).toHaveLength(1)
    expect(await categoryOf()).toBeNull()

    // A form that skips the browser check gets the engine's REQUIRED_FIELD_MISSING, shown readably; still nothing changes.
    await page.evaluate(() => document.querySelectorAll('[required]').forEach((el) => el.removeAttribute('required')))
    await submit.click()
    await alert.getByText('required fields are missing').waitFor()
    expect(await alert.innerText()).toContain('REQUIRED_FIELD_MISSING')
    expect(await alert.innerText()).toContain('Fill in Category.')
    expect(await taskOf()).toHaveLength(1)
    expect(await categoryOf()).toBeNull()

    await category.selectOption('hardware')
    await page.getByLabel('Serial number').fill('SN-<b>42</b>')
    await page.getByLabel('Broken since').fill('2025-11-27')
    await page.getByLabel('Urgent').check()
    await page.getByLabel('Subject').fill('Checked')
    await page.getByLabel('Text').fill('Fan is dead.')
    await submit.click()
    await page.getByText('No open tasks').waitFor()
    expect(await page.locator('#flash').innerText()).toContain('“Classify the device” submitted for ticket')

    const after = (await h.call('GET', `/api/v1/tickets/${ticketId}`, { token: 'anna' })).body
    expect(after.ticket).toMatchObject({
      State: 'closed successful',
      DynamicField: { Category: 'hardware', Serial: 'SN-<b>42</b>', LeaveStart: '2025-11-27', Urgent: true, Impact: 'single user' },
    })
    expect(after.articles).toMatchObject([{ subject: 'Checked', body: 'Fan is dead.' }])
    expect(await taskOf()).toEqual([])

    await page.goto(`${h.engine.url}/#/ticket/${ticketId}`)
    await page.getByRole('heading', { name: 'History' }).waitFor()
    const transition = page.locator('li[data-type="transition.taken"]')
    await transition.waitFor()
    expect(await page.locator('#flash').innerText()).toBe('')
    expect(await transition.innerText()).toContain('Transition close taken: classify → done')
    const history = await page.locator('ol.timeline li').allInnerTexts()
    expect(history.join('\n')).toContain('Dialog classify-device of classify submitted by agent anna.agent')
    expect(history.join('\n')).toContain('Category changed from (empty) to hardware')
    expect(history.join('\n')).toContain('Entered activity done (end)')
    expect(history.join('\n')).toContain('Process completed')
    // Markup a user typed stays text.
    expect(await page.locator('dd').getByText('SN-<b>42</b>', { exact: true }).count()).toBe(1)
    expect(await page.locator('dd b').count()).toBe(0)
    expect(browser.problems).toEqual([])
  })

  it('says the ticket has moved on when the task was submitted elsewhere', async () => {
    const page = await signIn(TOKENS.anna)
    await page.getByRole('link', { name: 'Laptop does not boot' }).click()
    await page.getByLabel('Category').selectOption('software')
    const [task] = await taskOf()
    const elsewhere = await h.call('POST', `/api/v1/tasks/${task?.id}/submit`, { token: 'anna', body: { dialog: 'classify-device', values: { DynamicField_Category: 'network' } } })
    expect(elsewhere.status).toBe(200)
    await page.getByRole('button', { name: 'Save classification' }).click()
    await page.getByText('This ticket has moved on.').waitFor()
    expect(await categoryOf()).toBe('network')
    expect(browser.problems).toEqual([])
  })

  it('shows a customer only what the API allows: their own dialogs, no agent tasks, no process history', async () => {
    const own = await h.call('POST', '/api/v1/tickets', { token: 'carla', body: { Title: 'Licence expired', Queue: 'Software' } })
    expect(own.status).toBe(201)
    expect(await taskOf()).toHaveLength(1)
    const page = await signIn(TOKENS.carla)
    const rows = page.locator('table.tasks tbody tr')
    await rows.first().waitFor()
    expect(await rows.allInnerTexts()).toEqual([expect.stringContaining('Licence expired')])
    expect(await page.getByText('Laptop does not boot').count()).toBe(0)

    await page.getByRole('link', { name: 'Licence expired' }).click()
    await page.getByRole('heading', { name: 'Tell us more' }).waitFor()
    expect(await page.getByText('Process Software details · activity Describe').count()).toBe(1)
    // Customers may not read /schema; the task's field specs still give dropdowns, dates and checkboxes.
    expect((await h.call('GET', '/api/v1/schema', { token: 'carla' })).status).toBe(403)
    const impact = page.getByLabel('Who is affected')
    expect(await impact.evaluate((el) => [el.tagName, (el as HTMLSelectElement).required])).toEqual(['SELECT', true])
    expect(await impact.locator('option').allInnerTexts()).toEqual(['— choose —', 'single user', 'department', 'company'])
    expect(await page.getByLabel('Since when').getAttribute('type')).toBe('date')
    expect(await page.getByLabel('Urgent').getAttribute('type')).toBe('checkbox')
    const send = page.getByRole('button', { name: 'Send details' })
    await page.getByLabel('Subject').fill('Since Monday')
    await send.click()
    await page.locator('.form-errors').getByText('Fill in Your message.').waitFor()
    await page.locator('.form-errors').getByText('Fill in Who is affected.').waitFor()
    await page.getByLabel('Text').fill('The licence server says my seat expired.')
    await impact.selectOption('department')
    await page.getByLabel('Since when').fill('2025-11-24')
    await send.click()
    await page.getByText('No open tasks').waitFor()
    const after = (await h.call('GET', `/api/v1/tickets/${own.body.ticket.id}`, { token: 'carla' })).body
    expect(after.articles).toMatchObject([{ subject: 'Since Monday', body: 'The licence server says my seat expired.', senderType: 'customer' }])
    expect(after.ticket.DynamicField).toMatchObject({ Impact: 'department', LeaveStart: '2025-11-24', Urgent: false })

    await page.goto(`${h.engine.url}/#/ticket/${ticketId}`)
    await page.getByRole('heading', { name: 'Laptop does not boot' }).waitFor()
    await page.getByText('The process history is not shown to this token.').waitFor()
    expect(await page.locator('ol.timeline').count()).toBe(0)
    expect(browser.problems).toEqual([])
  })

  it('refuses an unknown token on the sign-in screen and keeps nothing', async () => {
    const page = await browser.open(`${h.engine.url}/`)
    await page.getByLabel('API token').fill('not-a-token-at-all')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByText('The engine does not accept this token.').waitFor()
    expect(await page.evaluate(() => sessionStorage.getItem('ablauf.token'))).toBeNull()
    expect(browser.problems).toEqual([])
  })

  it('shows a read token the incidents without Retry, which only admins may use', async () => {
    expect((await h.call('POST', '/api/v1/tickets', { token: 'admin', body: { Title: 'Broken script', Queue: 'Misc' } })).body.instance).toMatchObject({ status: 'incident' })
    const page = await signIn(TOKENS.read)
    await page.getByRole('link', { name: 'Instances' }).click()
    const incidents = page.getByRole('region', { name: /Incidents/ })
    await incidents.getByText('SCRIPT_FAILED').waitFor()
    expect(await incidents.getByText('Only admin tokens may retry incidents.').count()).toBe(1)
    expect(await page.getByRole('button', { name: /Retry/ }).count()).toBe(0)
    expect(browser.problems).toEqual([])
  })

  it('lists incidents for an admin and retries them', async () => {
    const misc = await h.call('POST', '/api/v1/tickets', { token: 'admin', body: { Title: 'Broken script', Queue: 'Misc' } })
    expect(misc.body.instance).toMatchObject({ status: 'incident' })
    const page = await signIn(TOKENS.admin)
    await page.getByRole('link', { name: 'Instances' }).click()
    const incidents = page.getByRole('region', { name: /Incidents/ })
    await incidents.getByText('SCRIPT_FAILED').waitFor()
    expect(await page.getByRole('heading', { name: 'Running (1)' }).count()).toBe(1)
    await incidents.getByRole('button', { name: /^Retry instance/ }).click()
    await page.locator('#flash').getByText('it is now incident').waitFor()
    const history = (await h.call('GET', `/api/v1/tickets/${misc.body.ticket.id}/history`)).body.history as { entry: { type: string } }[]
    expect(history.map((r) => r.entry.type)).toContain('instance.retried')
    expect(browser.problems).toEqual([])
  })
})
