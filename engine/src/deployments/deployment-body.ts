import express, { type RequestHandler } from 'express'
import { AblaufError } from '@ablauf/sdk/errors'
import { formatSize } from '../http/body-size.js'
import { requireScope } from '../http/auth/principal.js'
import { principal } from '../http/auth/token-auth.js'
import { DEPLOYMENT_BODY_BYTES } from './deployment-request.js'

/**
 * The body parser of `POST /deployments`, mounted before the API's general one (which then skips the
 * already-read body). The scope is checked first, so only deploy tokens may send a body this large.
 */
export function deploymentBodyParser(bodyLimitBytes: number): RequestHandler[] {
  const guard: RequestHandler = (req, _res, next) => {
    requireScope(principal(req), 'deploy')
    next()
  }
  return [guard, express.json({ limit: Math.max(bodyLimitBytes, DEPLOYMENT_BODY_BYTES), strict: true })]
}

/** Throws PAYLOAD_TOO_LARGE naming the first definition whose JSON exceeds the per-request body limit. */
export function checkDefinitionSizes(definitions: readonly unknown[], limitBytes: number): void {
  definitions.forEach((definition, index) => {
    const bytes = Buffer.byteLength(JSON.stringify(definition) ?? '', 'utf8')
    if (bytes <= limitBytes) return
    const id = typeof definition === 'object' && definition !== null && typeof (definition as { id?: unknown }).id === 'string' ? (definition as { id: string }).id : null
    throw new AblaufError(
      'PAYLOAD_TOO_LARGE',
      `definitions[${index}]${id === null ? '' : ` (${id})`} is ${formatSize(bytes)}, over the engine's limit of ${formatSize(limitBytes)} per definition; nothing was deployed`,
      { index, id, bytes, limit: limitBytes },
    )
  })
}
