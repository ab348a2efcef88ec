import type { Activity, ActivityDialog } from '@ablauf/sdk/definition'
import { Code, lit } from './code-literal.js'

/** `check-warranty` → `Check warranty`, as the DSL names activities by default. */
export function humanizeId(id: string): string {
  const words = id.split('-').join(' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

function dialogOptions(activityId: string, dialogs: readonly ActivityDialog[]): Record<string, unknown>[] {
  let unnamed = 0
  return dialogs.map((d) => {
    const candidate = unnamed === 0 ? activityId : `${activityId}-${unnamed + 1}`
    const omitId = d.id === candidate
    if (omitId) unnamed++
    const fields = Object.fromEntries(
      d.fields.map((f) => {
        const { field, display, ...rest } = f
        const spec = Object.keys(rest).length === 0 ? display : { display, ...rest }
        return [field, spec]
      }),
    )
    return {
      id: omitId ? undefined : d.id,
      title: d.title,
      description: d.description,
      help: d.help,
      interface: same(d.interface, ['agent']) ? undefined : d.interface,
      fields,
      submitLabel: d.submitLabel,
      submitAdvice: d.submitAdvice,
      requiredLock: d.requiredLock ? true : undefined,
      permission: d.permission,
    }
  })
}

/** The options object of an activity call, without defaults (name equal to the humanised id, …). */
function activityOptions(a: Activity): Record<string, unknown> {
  const base = { name: a.name === humanizeId(a.id) ? undefined : a.name, description: a.description }
  switch (a.kind) {
    case 'user':
      return { ...base, dialogs: dialogOptions(a.id, a.dialogs) }
    case 'script':
      return { ...base, script: a.script, params: Object.keys(a.params).length === 0 ? undefined : a.params }
    case 'service':
      return {
        ...base,
        webService: a.webService,
        invoker: a.invoker,
        timeoutMs: a.timeoutMs === 10_000 ? undefined : a.timeoutMs,
        retries: a.retries === 0 ? undefined : a.retries,
        backoff: same(a.backoff, { initialMs: 1000, factor: 2, maxMs: 60_000 }) ? undefined : a.backoff,
        input: Object.keys(a.input).length === 0 ? undefined : a.input,
        output: Object.keys(a.output).length === 0 ? undefined : a.output,
        failOn: a.failOn,
      }
    case 'subprocess':
      return {
        ...base,
        process: a.process,
        version: a.version === 'latest' ? undefined : a.version,
        ticket: a.ticket === 'same' ? undefined : a.ticket,
        newTicket: a.newTicket,
        wait: a.wait ? undefined : false,
      }
    case 'wait':
    case 'end':
      return base
  }
}

/** `.user('confirm', { … })` and friends, as one chained call (without the leading dot's indentation). */
export function activityCode(a: Activity, pad: string): Code {
  const opts = activityOptions(a)
  const hasOpts = Object.values(opts).some((v) => v !== undefined)
  const args = hasOpts ? `${lit(a.id)}, ${lit(opts, pad)}` : lit(a.id)
  return new Code(`.${a.kind}(${args})`)
}
