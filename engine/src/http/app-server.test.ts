import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterEach, describe, expect, it } from 'vitest'
import { listenWithAppServer } from './app-server.js'

describe('app server', () => {
  const servers: Server[] = []
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))))
  })

  const start = (app: express.Express, port = 0): Promise<{ server: Server; err?: Error }> =>
    new Promise((resolve) => {
      const server: Server = app.listen(port, '127.0.0.1', (err?: Error) => resolve(err === undefined ? { server } : { server, err }))
      servers.push(server)
    })

  it('serves express requests and responses made with the app prototypes', async () => {
    const app = express()
    app.listen = listenWithAppServer(app)
    app.get('/echo', (req, res) => {
      res.status(201).json({ q: req.query['q'], own: Object.getPrototypeOf(req) === app.request && Object.getPrototypeOf(res) === app.response })
    })
    const { server } = await start(app)
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/echo?q=1`)
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({ q: '1', own: true })
  })

  it('hands a listen error to the callback, as express does', async () => {
    const first = express()
    first.listen = listenWithAppServer(first)
    const { server } = await start(first)
    const second = express()
    second.listen = listenWithAppServer(second)
    const { err } = await start(second, (server.address() as AddressInfo).port)
    expect((err as NodeJS.ErrnoException | undefined)?.code).toBe('EADDRINUSE')
  })
})
