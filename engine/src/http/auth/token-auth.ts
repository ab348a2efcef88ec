import { createHash, timingSafeEqual } from 'node:crypto'
import type { RequestHandler } from 'express'
import { AblaufError } from '@ablauf/sdk/errors'
import type { Store } from '../../store/store-port.js'
import { principalOf, type Principal } from './principal.js'

/** A token the engine knows from its configuration: name, scopes and the sha256 hex of the secret. */
export interface ConfiguredToken {
  name: string
  scopes: string[]
  sha256: string
}

/** The lower-case sha256 hex of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal
  }
}

/** The authenticated principal of a request (set by {@link bearerAuth}). */
export function principal(req: { principal?: Principal }): Principal {
  if (req.principal === undefined) throw new AblaufError('UNAUTHENTICATED', 'a bearer token is required')
  return req.principal
}

/**
 * Bearer-token authentication: the token's sha256 is compared in constant time with the configured
 * tokens, then looked up among the stored ones. No or an unknown token → 401 UNAUTHENTICATED.
 */
export function bearerAuth(options: { tokens: readonly ConfiguredToken[]; store: Store }): RequestHandler {
  const configured = options.tokens.map((t) => ({ ...t, digest: Buffer.from(t.sha256, 'hex') }))
  return (req, _res, next) => {
    const header = req.headers.authorization
    const match = typeof header === 'string' ? /^Bearer\s+(\S{1,512})$/i.exec(header) : null
    if (match?.[1] === undefined) {
      next(new AblaufError('UNAUTHENTICATED', 'a bearer token is required: send "Authorization: Bearer <token>"'))
      return
    }
    const hash = hashToken(match[1])
    const digest = Buffer.from(hash, 'hex')
    let found: ConfiguredToken | undefined
    for (const t of configured) if (t.digest.length === digest.length && timingSafeEqual(t.digest, digest)) found = t
    if (found !== undefined) {
      req.principal = principalOf(found.name, found.scopes)
      next()
      return
    }
    options.store
      .transaction((tx) => tx.tokens.findByHash(hash), { readOnly: true })
      .then((row) => {
        if (row === undefined) throw new AblaufError('UNAUTHENTICATED', 'unknown or revoked token')
        req.principal = principalOf(row.name, row.scopes)
        next()
      })
      .catch(next)
  }
}
