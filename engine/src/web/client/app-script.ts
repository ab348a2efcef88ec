/**
 * `/ui/app.js`: the page's entry: sign-in gate, hash routes (`#/inbox`, `#/task/:id`,
 * `#/ticket/:id`, `#/instances`), navigation and the confirmation area.
 */
export const appScript = String.raw`
import { abilities, forgetSchema, session, whoami } from './api.js'
import { clear, errorBox, h } from './dom.js'
import { inboxView } from './inbox.js'
import { instancesView } from './instances.js'
import { signInView } from './sign-in.js'
import { taskView } from './task.js'
import { ticketView } from './ticket.js'

const main = document.getElementById('main')
const nav = document.getElementById('nav')
const flash = document.getElementById('flash')
const instancesLink = document.getElementById('nav-instances')
let rendering = 0
let pendingNotice

const app = {
  notify(message) {
    pendingNotice = message
  },
  go(path) {
    if (location.hash === '#' + path) render()
    else location.hash = '#' + path
  },
  signedOut(message) {
    session.signOut()
    forgetSchema()
    render(message)
  },
}

async function showCapabilities() {
  nav.hidden = false
  instancesLink.hidden = !abilities(await whoami().catch(() => null)).readAll
}

async function render(signInMessage) {
  const run = ++rendering
  flash.replaceChildren(...(pendingNotice ? [h('p', { class: 'alert ok' }, pendingNotice)] : []))
  pendingNotice = undefined
  const view = h('div', { class: 'view', 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading…'))
  clear(main).append(view)
  if (session.token() === null) {
    nav.hidden = true
    view.replaceWith(signInView(app, signInMessage, showCapabilities))
    main.querySelector('input')?.focus()
    return
  }
  const [, route, id] = /^#\/([a-z]+)(?:\/(.+))?$/.exec(location.hash) ?? []
  for (const a of nav.querySelectorAll('a')) {
    if (a.getAttribute('href') === '#/' + (route ?? 'inbox')) a.setAttribute('aria-current', 'page')
    else a.removeAttribute('aria-current')
  }
  let content
  try {
    const key = id === undefined ? undefined : decodeURIComponent(id)
    if (route === 'task' && key) content = await taskView(app, key)
    else if (route === 'ticket' && key) content = await ticketView(app, key)
    else if (route === 'instances') content = await instancesView(app)
    else content = await inboxView(app)
  } catch (err) {
    if (err.status === 401) return app.signedOut('The engine no longer accepts this token. Sign in again.')
    content = h('div', { class: 'view' }, errorBox(err.message ?? String(err)))
  }
  if (run !== rendering) return
  view.replaceWith(content)
  main.querySelector('.view-title')?.focus()
}

document.getElementById('sign-out').addEventListener('click', () => app.signedOut('Signed out.'))
window.addEventListener('hashchange', () => render())
if (session.token() !== null) showCapabilities()
render()
`
