import type { ActivityDialog, FieldValue } from '@ablauf/sdk/definition'

const DISPLAY = { hidden: '0', optional: '1', required: '2' } as const
const INTERFACE = { agent: 'AgentInterface', customer: 'CustomerInterface' } as const

function defaultValue(v: FieldValue | undefined): string | string[] {
  if (v === undefined || v === null) return ''
  return Array.isArray(v) ? [...v] : String(v)
}

/** One of our dialogs → the Znuny ActivityDialog entry (without EntityID), as Znuny exports it. */
export function exportDialog(d: ActivityDialog): { Config: Record<string, unknown>; Name: string } {
  const fields: Record<string, unknown> = {}
  for (const f of d.fields) {
    fields[f.field] = {
      ...(f.article === undefined
        ? {}
        : { Config: { CommunicationChannel: f.article.channel === 'Note' ? 'Internal' : f.article.channel, IsVisibleForCustomer: f.article.visibleForCustomer ? '1' : '0' } }),
      DefaultValue: defaultValue(f.default),
      DescriptionLong: f.help ?? '',
      DescriptionShort: f.label ?? '',
      Display: DISPLAY[f.display],
    }
  }
  return {
    Config: {
      DescriptionLong: d.help ?? '',
      DescriptionShort: d.description ?? '',
      FieldOrder: d.fields.map((f) => f.field),
      Fields: fields,
      Interface: d.interface.map((i) => INTERFACE[i]),
      // A permission type in Znuny (rw, ro, …), never a role: our role-based permission has no Znuny form.
      Permission: '',
      RequiredLock: d.requiredLock ? '1' : '0',
      SubmitAdviceText: d.submitAdvice ?? '',
      SubmitButtonText: d.submitLabel ?? '',
    },
    Name: d.title,
  }
}
