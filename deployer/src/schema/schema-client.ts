import { AblaufError } from '@ablauf/sdk/errors'
import { targetSnapshotSchema, type TargetSnapshot } from '@ablauf/sdk/target'
import { z } from 'zod'

/** How to reach the engine. */
export interface SchemaClientOptions {
  engineUrl: string
  token?: string | undefined
  fetch: typeof globalThis.fetch
}

const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) })

/**
 * The live target of an engine: `GET {engine}/api/v1/schema`, validated with the target snapshot
 * schema. Throws `ENGINE_UNAVAILABLE`, `UNAUTHENTICATED`/`FORBIDDEN` or `TARGET_INVALID`.
 */
export async function fetchTargetSnapshot(options: SchemaClientOptions): Promise<TargetSnapshot> {
  const url = new URL('api/v1/schema', options.engineUrl.endsWith('/') ? options.engineUrl : `${options.engineUrl}/`)
  let res: Response
  try {
    res = await options.fetch(url, {
      headers: { accept: 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    })
  } catch (err) {
    throw new AblaufError('ENGINE_UNAVAILABLE', `cannot reach the engine at ${url.origin}: ${(err as Error).message}`, undefined, { cause: err })
  }
  const text = await res.text()
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    body = undefined
  }
  if (!res.ok) {
    const e = errorBodySchema.safeParse(body)
    const why = e.success ? `${e.data.error.code}: ${e.data.error.message}` : `HTTP ${res.status}`
    const code = res.status === 401 ? 'UNAUTHENTICATED' : res.status === 403 ? 'FORBIDDEN' : 'ENGINE_UNAVAILABLE'
    const hint = res.status === 401 ? '; pass --token or set ABLAUF_TOKEN' : ''
    throw new AblaufError(code, `GET ${url.pathname} failed (${why})${hint}`)
  }
  const parsed = targetSnapshotSchema.safeParse(body)
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    throw new AblaufError('TARGET_INVALID', `the engine's schema is not a valid target snapshot: ${first.join('; ')}`)
  }
  return parsed.data
}
