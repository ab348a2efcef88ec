import { readdirSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  addArticle, addLink, all, any, contentHash, createTicket, defineProcess, field, incrementDynamicField, not, one,
  removeDynamicField, sendEmail, setCustomer, setDynamicField, setLock, setOwner, setPriority, setQueue, setResponsible,
  setService, setSLA, setState, setTitle, setType, isProcessBuilder, type ProcessDefinition,
} from '@ablauf/sdk'
import { evaluateProcessModule } from './evaluate-module.js'
import { generateProcessModule } from './generate-process-module.js'

const SDK = pathToFileURL(fileURLToPath(new URL('../../../../sdk/src/index.ts', import.meta.url))).href
const PROCESSES = fileURLToPath(new URL('../../../../processes/', import.meta.url))

async function roundTrip(def: ProcessDefinition): Promise<void> {
  const back = await evaluateProcessModule(generateProcessModule(def, { sdkImport: SDK }))
  expect(back).toEqual(def)
  expect(contentHash(back)).toBe(contentHash(def))
}

describe('generated module of a definition written with the DSL', () => {
  it('compiles back to the same hash, with every activity kind, condition and action helper', async () => {
    const def = defineProcess('everything', {
      name: 'Everything',
      description: 'All the constructs',
      state: 'fade-away',
      start: { on: 'ticket.created', when: all(field('Queue').eq('Service Desk'), not(field('Title').empty())), priority: 5 },
    })
      .script('classify', { script: 'classify-by-keywords', params: { source: 'Title', n: 2 } })
      .service('check-warranty', { name: 'Warranty', webService: 'ERP', invoker: 'WarrantyLookup', timeoutMs: 5000, retries: 2, output: { 'body.status': 'DynamicField_Warranty' } })
      .user('confirm', { description: 'Agent confirms', dialogs: [
        { title: 'Confirm', interface: ['agent', 'customer'], fields: { DynamicField_Category: 'required', Article: { display: 'optional', article: { channel: 'Email' } } }, requiredLock: true },
        { title: 'Second', fields: { Queue: { display: 'hidden', default: 'Hardware' } } },
        { id: 'third', title: 'Third', fields: {} },
      ] })
      .subprocess('sub', { process: 'other-process', ticket: 'new', newTicket: { title: 'Child of {{ticket.Title}}', queue: 'Hardware' }, wait: false })
      .wait('await-reply')
      .end('done', { name: 'All done' })
      .transition('classify', 'check-warranty', { when: any(field('DynamicField_Category').in(['hardware', 'network']), field('Priority').regex('^5', 'i')) })
      .transition('classify', 'confirm', { id: 'fallback' })
      .transition('check-warranty', 'confirm', { actions: [setQueue('Hardware'), setState('pending reminder', { pendingTimeDiff: 3600 }), setPriority('3 normal', { name: 'Normal' })] })
      .transition('check-warranty', 'confirm', { on: 'error', actions: [addArticle({ subject: 'Lookup failed', body: 'See log', visibleForCustomer: true })] })
      .transition('confirm', 'sub', { when: one(field('DynamicField_Count').gt(3), field('State').ne('open')), actions: [setOwner('alice'), setResponsible('bob'), setTitle('T'), setType('Incident'), setService('IT'), setSLA('Gold'), setLock('lock'), setCustomer({ customerUser: 'c1' })] })
      .transition('sub', 'await-reply', { actions: [setDynamicField('Category', 'hardware'), incrementDynamicField('Count'), incrementDynamicField('Count', 2), removeDynamicField('Warranty')] })
      .transition('await-reply', 'done', { name: 'Reply', description: 'Customer replied', actions: [
        sendEmail({ to: '{{customer.Email}}', subject: 'Done', body: 'Hi {{customer.FirstName}}' }),
        createTicket({ title: 'Follow-up', queue: 'Hardware', dynamicFields: { Category: 'x' }, link: 'Normal' }),
        addLink({ ticketNumber: '{{ticket.TicketNumber}}', linkType: 'ParentChild' }),
      ] })
      .transition('await-reply', 'done')
      .toDefinition()
    await roundTrip(def)
  })
})

const own = readdirSync(PROCESSES).filter((f) => f.endsWith('.process.ts'))
// Every process of the repository, once there are some (no suite at all before, rather than a skipped one).
if (own.length > 0) {
  describe('generated modules of the repository processes', () => {
    it.each(own)('%s compiles back to the same hash', async (file) => {
      const mod = (await import(pathToFileURL(PROCESSES + file).href)) as { default?: unknown }
      if (!isProcessBuilder(mod.default)) throw new Error(`${file} has no process builder as default export`)
      await roundTrip(mod.default.toDefinition())
    })
  })
}
