import { z } from 'zod'
import { defineScript } from '../script-types.js'
import { fieldParam, readTicketField } from '../ticket-field.js'

/** Copies one field's value to another field, e.g. `CustomerID` → `DynamicField_Account`. */
export const copyFieldScript = defineScript({
  name: 'copy-field',
  description: 'Copies the value of one ticket field to another',
  params: z.strictObject({
    from: fieldParam('the field read'),
    to: fieldParam('the field written'),
  }),
  run(params, ctx) {
    return { [params.to]: readTicketField(params.from, ctx) }
  },
})
