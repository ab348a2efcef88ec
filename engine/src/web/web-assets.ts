import { createHash } from 'node:crypto'
import { apiScript } from './client/api-script.js'
import { appScript } from './client/app-script.js'
import { domScript } from './client/dom-script.js'
import { fieldControlsScript } from './client/field-controls-script.js'
import { historyScript } from './client/history-script.js'
import { inboxScript } from './client/inbox-script.js'
import { instancesScript } from './client/instances-script.js'
import { signInScript } from './client/sign-in-script.js'
import { taskScript } from './client/task-script.js'
import { ticketScript } from './client/ticket-script.js'
import { appCss } from './page/app-css.js'
import { iconSvg } from './page/index-html.js'

/** A static file of the page, kept in TypeScript so `src` and `dist` serve the same bytes without a copy step. */
export interface WebAsset {
  type: string
  body: string
  /** A strong ETag of the body, computed once (the app does not hash answers per request). */
  etag: string
}

const asset = (type: string, body: string): WebAsset => ({ type, body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` })
const js = (body: string): WebAsset => asset('text/javascript; charset=utf-8', body)

/** The files under `/ui/`, by name. */
export const WEB_ASSETS: ReadonlyMap<string, WebAsset> = new Map([
  ['app.css', asset('text/css; charset=utf-8', appCss)],
  ['icon.svg', asset('image/svg+xml; charset=utf-8', iconSvg)],
  ['app.js', js(appScript)],
  ['api.js', js(apiScript)],
  ['dom.js', js(domScript)],
  ['field-controls.js', js(fieldControlsScript)],
  ['history.js', js(historyScript)],
  ['inbox.js', js(inboxScript)],
  ['instances.js', js(instancesScript)],
  ['sign-in.js', js(signInScript)],
  ['task.js', js(taskScript)],
  ['ticket.js', js(ticketScript)],
])
