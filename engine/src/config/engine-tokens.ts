import type { ConfiguredToken } from '../http/auth/token-auth.js'
import { hashToken } from '../http/auth/token-auth.js'
import type { EngineConfig } from './config-schema.js'

/**
 * The tokens the engine accepts from its configuration: `sha256` entries as written, `tokenEnv`
 * entries when the variable is set (unset means the token is disabled, reported in `disabled`), and
 * the admin token (`ABLAUF_TOKEN`) when given.
 */
export function configuredTokens(
  config: EngineConfig,
  env: Readonly<Record<string, string | undefined>>,
  adminToken: string | undefined,
): { tokens: ConfiguredToken[]; disabled: string[] } {
  const tokens: ConfiguredToken[] = []
  const disabled: string[] = []
  for (const t of config.tokens) {
    if ('sha256' in t) tokens.push({ name: t.name, scopes: t.scopes, sha256: t.sha256 })
    else {
      const secret = env[t.tokenEnv]
      if (secret === undefined || secret === '') disabled.push(t.name)
      else tokens.push({ name: t.name, scopes: t.scopes, sha256: hashToken(secret) })
    }
  }
  if (adminToken !== undefined) tokens.push({ name: 'admin', scopes: ['admin'], sha256: hashToken(adminToken) })
  return { tokens, disabled }
}
