import { AblaufError } from '../errors.js'
import type { ArticleSpec, Transition, TransitionAction } from '../definition/index.js'
import { actionChanges, describeAction } from './action-changes.js'
import type { Effect } from './runtime-types.js'
import { render, type StepContext } from './step-context.js'
import { updateTicket } from './update-ticket.js'

/**
 * Runs a transition's actions in order. Field actions update the working ticket at once, so a later
 * action's placeholders and the next activity's conditions see the new values.
 */
export function runActions(ctx: StepContext, transition: Transition): void {
  transition.actions.forEach((action, index) => {
    const changes = actionChanges(ctx, action)
    if (changes !== undefined) updateTicket(ctx, changes)
    else ctx.effects.push(actionEffect(ctx, action, `${ctx.instance.id}:${transition.id}:${ctx.instance.seq}:${ctx.transitions}.${index}`))
    ctx.history.push({ type: 'action.run', at: ctx.at, transition: transition.id, action: action.type, detail: describeAction(action, changes) })
  })
}

function actionEffect(ctx: StepContext, action: TransitionAction, key: string): Effect {
  const list = (values: string[] | undefined): string[] =>
    (values ?? []).flatMap((v) => render(ctx, v).split(',')).map((v) => v.trim()).filter((v) => v !== '')
  switch (action.type) {
    case 'addArticle':
      return { type: 'article.create', article: renderArticle(ctx, action.article) }
    case 'sendEmail':
      return {
        type: 'email.send',
        key,
        to: list(action.to),
        cc: list(action.cc),
        bcc: list(action.bcc),
        template: action.template ?? null,
        subject: render(ctx, action.subject ?? ''),
        body: render(ctx, action.body ?? ''),
      }
    case 'createTicket': {
      const { article, ...rest } = action
      const dynamicFields = rest.dynamicFields === undefined ? undefined
        : Object.fromEntries(Object.entries(rest.dynamicFields).map(([k, v]) => [k, typeof v === 'string' ? render(ctx, v) : v]))
      return {
        type: 'ticket.create',
        key,
        action: {
          ...rest,
          title: render(ctx, rest.title),
          ...(article === undefined ? {} : { article: renderArticle(ctx, article) }),
          ...(dynamicFields === undefined ? {} : { dynamicFields }),
        },
      }
    }
    case 'addLink':
      return { type: 'link.add', ticketNumber: render(ctx, action.ticketNumber), linkType: action.linkType, direction: action.direction }
    default:
      throw new AblaufError('INTERNAL', `action ${action.type} changes fields and has no other effect`)
  }
}

function renderArticle(ctx: StepContext, article: ArticleSpec): ArticleSpec {
  return { ...article, subject: render(ctx, article.subject), body: render(ctx, article.body) }
}
