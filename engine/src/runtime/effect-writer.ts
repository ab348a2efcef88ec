import type { ProcessDefinition } from '@ablauf/sdk/definition'
import { renderTemplate, type Actor, type Effect, type ProcessInstance, type TicketSnapshot } from '@ablauf/sdk/runtime'
import { JOB_KINDS, toPayload } from '../jobs/job-payloads.js'
import type { StepScope } from './runtime-options.js'

/** Default attempts of an e-mail job (SMTP hiccups are retried; the process does not wait for mail). */
const EMAIL_ATTEMPTS = 5

/** What writing an effect needs besides the transaction. */
export interface EffectContext {
  scope: StepScope
  definition: ProcessDefinition
  instance: ProcessInstance
  /** Who caused the step (articles of a submitted dialog are theirs). */
  actor: Actor | undefined
  newId: () => string
  /** The ticket after the step, for rendering e-mail templates. */
  ticket: TicketSnapshot
  emailTemplates: readonly { name: string; subject: string; body: string }[]
}

/**
 * Writes the effects that stay inside the engine — ticket changes, articles, links, user tasks — and
 * enqueues the ones that leave it (service calls, e-mails) as jobs keyed by the effect key, so a step
 * that is replayed enqueues nothing twice. `script.run`, `subprocess.start` and `instance.ended` are the
 * step runner's. Returns false for effects it does not handle.
 */
export async function writeEffect(ctx: EffectContext, effect: Effect): Promise<boolean> {
  const { scope, instance } = ctx
  const { tx, at } = scope
  switch (effect.type) {
    case 'ticket.update':
      await tx.tickets.update(instance.ticketId, effect.changes, at)
      return true
    case 'article.create': {
      const createdBy = ctx.actor !== undefined && ctx.actor.kind !== 'system' ? ctx.actor.login : null
      await tx.tickets.addArticle({ ...effect.article, ticketId: instance.ticketId, createdAt: at, createdBy })
      return true
    }
    case 'email.send': {
      const { type: _type, ...rendered } = effect
      const message = withTemplate(ctx, rendered)
      await enqueue(scope, effect.key, JOB_KINDS.email, instance, toPayload({ instanceId: instance.id, ticketId: instance.ticketId, test: instance.test, message }), EMAIL_ATTEMPTS)
      return true
    }
    case 'service.call': {
      const activity = ctx.definition.activities.find((a) => a.id === effect.activity)
      const failOn = activity?.kind === 'service' ? activity.failOn : undefined
      const call = { key: effect.key, webService: effect.webService, invoker: effect.invoker, request: effect.request, timeoutMs: effect.timeoutMs, failOn, test: instance.test }
      const payload = toPayload({ instanceId: instance.id, ticketId: instance.ticketId, test: instance.test, call, retries: effect.retries, backoff: effect.backoff })
      await enqueue(scope, effect.key, JOB_KINDS.service, instance, payload, effect.retries + 1)
      return true
    }
    case 'ticket.create':
      await createTicket(ctx, effect)
      return true
    case 'link.add': {
      const other = await tx.tickets.getByNumber(effect.ticketNumber)
      if (other === undefined) {
        await tx.history.append([{ ticketId: instance.ticketId, instanceId: instance.id, entry: { type: 'link.added', at, message: `no ticket ${effect.ticketNumber}; nothing linked` } }])
        return true
      }
      const [source, target] = effect.direction === 'source' ? [instance.ticketId, other.id] : [other.id, instance.ticketId]
      await tx.tickets.addLink({ sourceTicketId: source, targetTicketId: target, type: effect.linkType, createdAt: at })
      return true
    }
    case 'task.open': {
      const activity = ctx.definition.activities.find((a) => a.id === effect.activity)
      const dialogs = activity?.kind === 'user' ? activity.dialogs.filter((d) => effect.dialogs.includes(d.id)).map((d) => ({ id: d.id, interface: [...d.interface] })) : []
      await tx.userTasks.open({
        id: ctx.newId(),
        instanceId: instance.id,
        ticketId: instance.ticketId,
        processId: instance.processId,
        version: instance.version,
        activity: effect.activity,
        dialogs,
        test: instance.test,
        openedAt: at,
      })
      return true
    }
    case 'task.close':
      await tx.userTasks.close(instance.id, effect.activity, at)
      return true
    default:
      return false
  }
}

/**
 * Folds adjacent `ticket.update` effects of one step into one (later changes win, as applied in turn),
 * so a step that sets a field and then runs `setQueue` writes the ticket row once.
 */
export function coalesceTicketUpdates(effects: readonly Effect[]): Effect[] {
  const out: Effect[] = []
  for (const effect of effects) {
    const last = out[out.length - 1]
    if (effect.type === 'ticket.update' && last?.type === 'ticket.update') {
      out[out.length - 1] = {
        type: 'ticket.update',
        changes: {
          fields: { ...last.changes.fields, ...effect.changes.fields },
          dynamicFields: { ...last.changes.dynamicFields, ...effect.changes.dynamicFields },
        },
      }
    } else {
      out.push(effect)
    }
  }
  return out
}

/** A `sendEmail` that names a template takes the template's subject and body where it has none. */
function withTemplate<M extends { template: string | null; subject: string; body: string }>(ctx: EffectContext, message: M): M {
  const template = message.template === null ? undefined : ctx.emailTemplates.find((t) => t.name === message.template)
  if (template === undefined) return message
  const render = (text: string): string =>
    renderTemplate(text, { ticket: ctx.ticket, process: { id: ctx.definition.id, name: ctx.definition.name, activity: ctx.instance.activity }, env: ctx.scope.env })
  return { ...message, subject: message.subject !== '' ? message.subject : render(template.subject), body: message.body !== '' ? message.body : render(template.body) }
}

async function createTicket(ctx: EffectContext, effect: Extract<Effect, { type: 'ticket.create' }>): Promise<void> {
  const { scope, instance } = ctx
  const { tx, at } = scope
  const a = effect.action
  const created = await tx.tickets.create({
    Title: a.title,
    Queue: a.queue,
    State: a.state ?? 'new',
    Priority: a.priority ?? '3 normal',
    Type: a.ticketType ?? null,
    CustomerUser: a.customerUser ?? null,
    CustomerID: a.customerId ?? null,
    Owner: a.owner ?? null,
    DynamicField: a.dynamicFields ?? {},
    test: instance.test,
    now: at,
  })
  if (a.article !== undefined) await tx.tickets.addArticle({ ...a.article, ticketId: created.id, createdAt: at, createdBy: null })
  if (a.link !== 'none') await tx.tickets.addLink({ sourceTicketId: instance.ticketId, targetTicketId: created.id, type: a.link, createdAt: at })
  await tx.history.append([
    { ticketId: created.id, instanceId: null, entry: { type: 'ticket.created', at, message: `created by process "${instance.processId}" of ticket ${instance.ticketId}` } },
  ])
  await enqueue(scope, `${effect.key}:created`, JOB_KINDS.ticketCreated, null, toPayload({ ticketId: created.id }), 5, created.id)
}

async function enqueue(scope: StepScope, key: string, kind: string, instance: ProcessInstance | null, payload: ReturnType<typeof toPayload>, maxAttempts: number, ticketId?: string): Promise<void> {
  await scope.tx.jobs.enqueue({ key, kind, payload, instanceId: instance?.id ?? null, ticketId: ticketId ?? instance?.ticketId ?? null, runAt: scope.at, maxAttempts, now: scope.at })
  scope.jobsEnqueued = true
}
