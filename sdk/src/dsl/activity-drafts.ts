import type { z } from 'zod'
import type { activitySchema } from '../definition/activity-schema.js'
import type { DialogField } from '../definition/dialog-schema.js'
import type { FieldValue } from '../definition/fields.js'
import type {
  ActivityOptions,
  DialogFieldOptions,
  DialogFields,
  ScriptActivityOptions,
  ServiceActivityOptions,
  SubprocessActivityOptions,
  UserActivityOptions,
} from './activity-options.js'
import { compact } from './action-meta.js'
import type { FieldRef } from './field-types.js'
import type { ScriptName, WebServiceName } from './register.js'
import { isoIfDate } from './date-values.js'

/** An activity as the builder holds it: the schema's input shape, defaults still open. */
export type ActivityDraft = z.input<typeof activitySchema>

/**
 * `check-warranty` → `Check warranty`.
 *
 * @example
 * ```ts
 * humanizeId('check-warranty') // 'Check warranty'
 * ```
 */
export function humanizeId(id: string): string {
  const words = id.split('-').join(' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function base(id: string, options: ActivityOptions | undefined): { id: string; name: string; description?: string } {
  return compact({ id, name: options?.name ?? humanizeId(id), description: options?.description })
}

function plainValue(value: unknown): FieldValue | undefined {
  return isoIfDate(value) as FieldValue | undefined
}

function dialogFields(fields: DialogFields): DialogField[] {
  return Object.entries(fields).map(([field, spec]) => {
    if (typeof spec === 'string') return { field: field as FieldRef, display: spec }
    const full = spec as DialogFieldOptions<FieldRef>
    return compact({
      field: field as FieldRef,
      display: full.display,
      default: plainValue(full.default),
      label: full.label,
      help: full.help,
      article:
        full.article === undefined
          ? undefined
          : { channel: full.article.channel ?? 'Internal', visibleForCustomer: full.article.visibleForCustomer ?? false },
    })
  })
}

/** A user activity; dialogs without an id get the activity id, then `<id>-2`, `<id>-3`, … */
export function userDraft(id: string, options: UserActivityOptions): ActivityDraft {
  let unnamed = 0
  const dialogs = options.dialogs.map((d) => {
    const dialogId = d.id ?? (++unnamed === 1 ? id : `${id}-${unnamed}`)
    return compact({
      id: dialogId,
      title: d.title,
      description: d.description,
      help: d.help,
      interface: [...(d.interface ?? ['agent'])],
      fields: dialogFields(d.fields),
      submitLabel: d.submitLabel,
      submitAdvice: d.submitAdvice,
      requiredLock: d.requiredLock,
      permission: d.permission,
    })
  })
  return { ...base(id, options), kind: 'user', dialogs }
}

/** A script activity. */
export function scriptDraft(id: string, options: ScriptActivityOptions<ScriptName>): ActivityDraft {
  const params = (options as { params?: Record<string, never> }).params
  return compact({ ...base(id, options), kind: 'script' as const, script: options.script, params: params && { ...params } })
}

/** A service activity. */
export function serviceDraft(id: string, options: ServiceActivityOptions<WebServiceName>): ActivityDraft {
  const failOn = options.failOn
  return compact({
    ...base(id, options),
    kind: 'service' as const,
    webService: options.webService,
    invoker: options.invoker,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    backoff: options.backoff && { ...options.backoff },
    input: options.input && definedValues(options.input),
    output: options.output && { ...options.output },
    failOn:
      failOn &&
      compact({
        statuses: failOn.statuses && [...failOn.statuses],
        errorCodePath: failOn.errorCodePath,
        errorCodes: failOn.errorCodes && [...failOn.errorCodes],
      }),
  })
}

/** A sub-process activity. */
export function subprocessDraft(id: string, options: SubprocessActivityOptions): ActivityDraft {
  return compact({
    ...base(id, options),
    kind: 'subprocess' as const,
    process: options.process,
    version: options.version,
    ticket: options.ticket,
    newTicket: options.newTicket && compact({ ...options.newTicket }),
    wait: options.wait,
  })
}

/** A wait or end activity. */
export function plainDraft(kind: 'wait' | 'end', id: string, options: ActivityOptions | undefined): ActivityDraft {
  return { ...base(id, options), kind }
}

/** The entries of a typed request map that hold a value (its keys are optional, so TypeScript allows `undefined`). */
function definedValues(input: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(input).filter((entry): entry is [string, string] => entry[1] !== undefined))
}
