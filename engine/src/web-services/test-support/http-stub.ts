import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request the stub received. */
export interface StubRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: Record<string, string | string[] | undefined>
  body: unknown
}

/** What the stub answers; `hang` never answers (for timeouts). */
export type StubReply = { status: number; body?: unknown; headers?: Record<string, string> } | { hang: true }

/** A local web-service stub on 127.0.0.1: records requests, answers with a handler. */
export interface HttpStub {
  url: string
  requests: StubRequest[]
  reply(handler: (req: StubRequest) => StubReply): void
  close(): Promise<void>
}

/** Starts a stub on a free port of 127.0.0.1; answers 200 `{}` until told otherwise. */
export async function startHttpStub(): Promise<HttpStub> {
  const requests: StubRequest[] = []
  const hanging = new Set<ServerResponse>()
  let handler: (req: StubRequest) => StubReply = () => ({ status: 200, body: {} })
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const text = Buffer.concat(chunks).toString('utf8')
      const recorded: StubRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: text === '' ? undefined : (JSON.parse(text) as unknown),
      }
      requests.push(recorded)
      const reply = handler(recorded)
      if ('hang' in reply) {
        hanging.add(res)
        return
      }
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers })
      res.end(reply.body === undefined ? '' : JSON.stringify(reply.body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (h) => {
      handler = h
    },
    close: async () => {
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
