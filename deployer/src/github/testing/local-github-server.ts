import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A comment as the local server stores it. */
export interface StoredComment {
  id: number
  issue: number
  body: string
}

/** A commit status as posted. */
export interface StoredStatus {
  sha: string
  state: string
  description: string
  context: string
  target_url?: string
}

/**
 * A local server that speaks the GitHub REST shapes the deployer uses: list issue comments (paginated
 * with `Link` headers), create / update / delete a comment, create a commit status. 127.0.0.1 only.
 */
export interface LocalGitHub {
  url: string
  comments: StoredComment[]
  statuses: StoredStatus[]
  requests: string[]
  /** Authorization headers seen. */
  auth: string[]
  close(): Promise<void>
}

export async function startLocalGitHub(options: { owner: string; repo: string }): Promise<LocalGitHub> {
  let nextId = 1000
  const state: Omit<LocalGitHub, 'url' | 'close'> = { comments: [], statuses: [], requests: [], auth: [] }
  const prefix = `/repos/${options.owner}/${options.repo}`
  let base = ''

  const readBody = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
    const chunks: Buffer[] = []
    for await (const c of req) chunks.push(c as Buffer)
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>
  }
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body === undefined ? '' : JSON.stringify(body))
  }
  const view = (c: StoredComment): Record<string, unknown> => ({ id: c.id, body: c.body, user: { login: 'ablauf-bot' }, html_url: `${base}/c/${c.id}` })

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', base)
    state.requests.push(`${req.method} ${url.pathname}${url.search}`)
    state.auth.push(String(req.headers.authorization ?? ''))
    if (!url.pathname.startsWith(prefix)) return send(res, 404, { message: 'Not Found' })
    const rest = url.pathname.slice(prefix.length)
    let m = /^\/issues\/(\d+)\/comments$/.exec(rest)
    if (m && req.method === 'GET') {
      const issue = Number(m[1])
      const perPage = Number(url.searchParams.get('per_page') ?? 30)
      const page = Number(url.searchParams.get('page') ?? 1)
      const all = state.comments.filter((c) => c.issue === issue).sort((a, b) => a.id - b.id)
      const last = Math.max(1, Math.ceil(all.length / perPage))
      const links: string[] = []
      const link = (p: number, rel: string): string => `<${base}${url.pathname}?per_page=${perPage}&page=${p}>; rel="${rel}"`
      if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
      return send(res, 200, all.slice((page - 1) * perPage, page * perPage).map(view), links.length ? { link: links.join(', ') } : {})
    }
    if (m && req.method === 'POST') {
      const body = await readBody(req)
      const c = { id: nextId++, issue: Number(m[1]), body: String(body['body']) }
      state.comments.push(c)
      return send(res, 201, view(c))
    }
    m = /^\/issues\/comments\/(\d+)$/.exec(rest)
    if (m) {
      const c = state.comments.find((x) => x.id === Number(m![1]))
      if (!c) return send(res, 404, { message: 'Not Found' })
      if (req.method === 'PATCH') {
        c.body = String((await readBody(req))['body'])
        return send(res, 200, view(c))
      }
      if (req.method === 'DELETE') {
        state.comments.splice(state.comments.indexOf(c), 1)
        res.writeHead(204).end()
        return
      }
    }
    m = /^\/statuses\/([0-9a-f]{40})$/.exec(rest)
    if (m && req.method === 'POST') {
      const body = await readBody(req)
      const s: StoredStatus = {
        sha: m[1]!,
        state: String(body['state']),
        description: String(body['description'] ?? ''),
        context: String(body['context'] ?? 'default'),
        ...(typeof body['target_url'] === 'string' ? { target_url: body['target_url'] } : {}),
      }
      state.statuses.push(s)
      return send(res, 201, { id: state.statuses.length, ...s })
    }
    send(res, 404, { message: 'Not Found' })
  }
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => send(res, 500, { message: String(err) }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return Object.assign(state, { url: base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) })
}
