import { Router } from 'express'
import { z } from 'zod'
import { principal } from './auth/token-auth.js'
import { parseInput } from './parse-input.js'

const noQuery = z.strictObject({})

/** `GET /whoami` (any token): the token's name, scopes and agent or customer login, so clients offer only what it may do. */
export function whoamiRoutes(): Router {
  const r = Router()
  r.get('/whoami', (req, res) => {
    const p = principal(req)
    parseInput(noQuery, req.query, 'query')
    const login = p.agent ?? p.customer
    res.json({ name: p.token, scopes: p.scopes, ...(login === undefined ? {} : { login }) })
  })
  return r
}
