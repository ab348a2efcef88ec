import { z } from 'zod'
import { renderTemplate } from '@ablauf/sdk/runtime'
import { defineScript } from '../script-types.js'
import { fieldParam, templateParam } from '../ticket-field.js'

/** Renders a text with placeholders (`{{ticket.Title}}`, `{{customer.Email}}`, …) into a field. */
export const renderTemplateScript = defineScript({
  name: 'render-template',
  description: 'Renders a text with {{placeholders}} such as {{ticket.Title}} into a field',
  params: z.strictObject({
    template: templateParam('the text, with placeholders'),
    field: fieldParam('the field written'),
  }),
  run(params, ctx) {
    const process = ctx.process ?? { id: '', name: '', activity: null }
    const text = renderTemplate(params.template, { ticket: ctx.ticket, process, ...(ctx.env === undefined ? {} : { env: ctx.env }) })
    return { [params.field]: text }
  },
})
