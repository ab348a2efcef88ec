import { Router } from 'express'
import { indexHtml } from './page/index-html.js'
import { pageSecurityHeaders } from './security-headers.js'
import { WEB_ASSETS } from './web-assets.js'

/**
 * The engine's web page for agents, customers and admins: `GET /` (the shell) and `GET /ui/:file`
 * (its script modules, style and icon). No auth here: the page holds no data; it calls `/api/v1`
 * with the bearer token the user pastes.
 */
export function webRoutes(): Router {
  const r = Router()
  r.get('/', pageSecurityHeaders, (_req, res) => {
    res.type('text/html; charset=utf-8').send(indexHtml)
  })
  r.get('/ui/:file', (req, res, next) => {
    const asset = WEB_ASSETS.get(req.params.file)
    if (asset === undefined) {
      next()
      return
    }
    pageSecurityHeaders(req, res, () => {
      // With the ETag set, send() answers a matching If-None-Match with 304.
      res.type(asset.type).set('ETag', asset.etag).send(asset.body)
    })
  })
  return r
}
