/** `/ui/sign-in.js`: the sign-in screen; the pasted token is checked against the API before it is kept. */
export const signInScript = String.raw`
import { api, session } from './api.js'
import { h } from './dom.js'

export function signInView(app, message, signedIn) {
  const input = h('input', {
    id: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true, 'aria-describedby': 'token-hint',
  })
  const status = h('div', { class: 'form-errors', role: 'alert', 'aria-live': 'assertive' })
  const button = h('button', { type: 'submit', class: 'primary' }, 'Sign in')
  const form = h('form', { class: 'card sign-in', novalidate: true },
    h('h2', { class: 'view-title', tabindex: '-1' }, 'Sign in'),
    message ? h('p', { class: 'muted' }, message) : null,
    h('div', { class: 'field' },
      h('label', { for: 'token' }, 'API token'),
      h('p', { id: 'token-hint', class: 'hint' }, 'Paste the bearer token you were given. It stays in this browser tab only and is forgotten when the tab closes.'),
      input),
    status,
    h('div', { class: 'actions' }, button))
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const token = input.value.trim()
    status.replaceChildren()
    if (token === '') {
      input.setAttribute('aria-invalid', 'true')
      status.append(h('p', {}, 'Enter a token.'))
      input.focus()
      return
    }
    button.disabled = true
    session.signIn(token)
    try {
      await api('GET', '/tasks?limit=1')
    } catch (err) {
      if (err.status === 401 || err.status === 0) {
        session.signOut()
        button.disabled = false
        input.setAttribute('aria-invalid', 'true')
        status.append(h('p', {}, err.status === 401 ? 'The engine does not accept this token.' : err.message))
        input.focus()
        return
      }
    }
    await signedIn()
    app.go('/inbox')
  })
  return h('div', { class: 'view' }, form)
}
`
