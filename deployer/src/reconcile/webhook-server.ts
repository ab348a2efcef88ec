import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Logger } from 'pino'
import type { Registry } from 'prom-client'
import { z } from 'zod'
import { verifyWebhookSignature } from './webhook-signature.js'

export interface WebhookServerOptions {
  port: number
  /** Default 127.0.0.1; use 0.0.0.0 behind a proxy that GitHub can reach. */
  host?: string
  secret: string
  branch: string
  /** Called for a verified push to `branch`, with the pushed head. */
  onPush: (head: string) => void
  registry: Registry
  health: () => Record<string, unknown>
  logger: Logger
  /** Largest accepted body; GitHub caps payloads at 25 MB, pushes are far smaller. Default 1 MiB. */
  maxBodyBytes?: number
}

export interface WebhookServer {
  url: string
  close(): Promise<void>
}

const pushSchema = z.looseObject({
  ref: z.string(),
  after: z.string().regex(/^[0-9a-f]{40}$/),
  deleted: z.boolean().optional(),
})

class BodyTooLarge extends Error {}

const DISCARD_LIMIT = 25 * 1024 * 1024

/**
 * The reconciler's HTTP server: `POST /webhook` for GitHub deliveries (signature verified before
 * anything else; `ping` → 200; push to the branch → 202 and a reconcile; other branches and events →
 * 202 ignored; bad signature → 401, nothing triggered), `GET /healthz` and `GET /metrics`.
 */
export async function startWebhookServer(options: WebhookServerOptions): Promise<WebhookServer> {
  const log = options.logger.child({ component: 'webhook' })
  const maxBytes = options.maxBodyBytes ?? 1024 * 1024
  const json = (res: ServerResponse, status: number, body: unknown): void => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  }

  /**
   * Reads the body, keeping at most `maxBytes`. Past the limit the rest is read and dropped (so the
   * client gets its 413 instead of a reset), up to GitHub's own 25 MB cap; beyond that the socket is cut.
   */
  const readBody = async (req: IncomingMessage): Promise<Buffer> => {
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of req) {
      size += (chunk as Buffer).length
      if (size > DISCARD_LIMIT) {
        req.destroy()
        break
      }
      if (size <= maxBytes) chunks.push(chunk as Buffer)
    }
    if (size > maxBytes) throw new BodyTooLarge()
    return Buffer.concat(chunks)
  }

  const delivery = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const id = String(req.headers['x-github-delivery'] ?? '')
    const event = String(req.headers['x-github-event'] ?? '')
    let body: Buffer
    try {
      body = await readBody(req)
    } catch (err) {
      if (!(err instanceof BodyTooLarge)) throw err
      log.warn({ delivery: id }, 'webhook body too large')
      return json(res, 413, { error: { code: 'PAYLOAD_TOO_LARGE', message: `body over ${maxBytes} bytes` } })
    }
    const signature = req.headers['x-hub-signature-256']
    if (!verifyWebhookSignature(options.secret, body, typeof signature === 'string' ? signature : undefined)) {
      log.warn({ delivery: id, event }, 'webhook signature invalid')
      return json(res, 401, { error: { code: 'UNAUTHENTICATED', message: 'invalid X-Hub-Signature-256' } })
    }
    if (event === 'ping') return json(res, 200, { status: 'pong' })
    if (event !== 'push') return json(res, 202, { status: 'ignored', reason: `event ${event}` })
    let payload: unknown
    try {
      payload = JSON.parse(body.toString('utf8'))
    } catch {
      payload = undefined
    }
    const push = pushSchema.safeParse(payload)
    if (!push.success) return json(res, 400, { error: { code: 'BAD_REQUEST', message: 'not a push payload' } })
    if (push.data.ref !== `refs/heads/${options.branch}` || push.data.deleted === true) {
      return json(res, 202, { status: 'ignored', reason: `ref ${push.data.ref}` })
    }
    log.info({ delivery: id, head: push.data.after }, 'push received')
    options.onPush(push.data.after)
    json(res, 202, { status: 'accepted', head: push.data.after })
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname
    if (req.method === 'POST' && (pathname === '/webhook' || pathname === '/')) return delivery(req, res)
    if (req.method === 'GET' && pathname === '/healthz') return json(res, 200, { status: 'ok', ...options.health() })
    if (req.method === 'GET' && pathname === '/metrics') {
      res.writeHead(200, { 'content-type': options.registry.contentType }).end(await options.registry.metrics())
      return
    }
    json(res, 404, { error: { code: 'NOT_FOUND', message: `no route ${req.method} ${pathname}` } })
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log.error({ err }, 'webhook server failed')
      if (!res.headersSent) json(res, 500, { error: { code: 'INTERNAL', message: 'internal error' } })
    })
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  log.info({ url }, 'webhook server listening')
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
