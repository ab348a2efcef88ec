import express, { type Express, type RequestHandler } from 'express'
import { deploymentBodyParser } from '../deployments/deployment-body.js'
import { deploymentsRoutes } from '../deployments/deployments-routes.js'
import { listenWithAppServer } from './app-server.js'
import { bearerAuth } from './auth/token-auth.js'
import { parseSize } from './body-size.js'
import { debugRoutes } from './debug-routes.js'
import { errorHandler, notFoundHandler } from './error-handler.js'
import type { HttpDeps } from './http-deps.js'
import { instancesRoutes } from './instances-routes.js'
import { opsRoutes } from './ops-routes.js'
import { requestLog } from './request-log.js'
import { requireScope } from './auth/principal.js'
import { principal } from './auth/token-auth.js'
import { tasksRoutes } from './tasks-routes.js'
import { ticketsRoutes } from './tickets-routes.js'
import { webRoutes } from '../web/web-routes.js'
import { whoamiRoutes } from './whoami-routes.js'

/** Observes every request's duration by route template and status. */
function measure(deps: HttpDeps): RequestHandler {
  return (req, res, next) => {
    const stop = deps.metrics.httpRequestDuration.startTimer({ method: req.method })
    res.on('finish', () => {
      const route = typeof req.route?.path === 'string' ? `${req.baseUrl}${req.route.path}` : 'unmatched'
      stop({ route, status: String(res.statusCode) })
    })
    next()
  }
}

/** The engine's express app: operations, then the authenticated `/api/v1`, then 404 and the error mapper. */
export function createApp(deps: HttpDeps): Express {
  const bodyLimitBytes = parseSize(deps.bodyLimit)
  const app = express()
  app.listen = listenWithAppServer(app)
  app.disable('x-powered-by')
  // API answers are not cached (the page asks with no-store); an ETag would hash every body, megabytes for a plan.
  app.set('etag', false)
  app.set('query parser', 'simple')
  app.use(requestLog(deps.logger))
  app.use(measure(deps))
  app.use(opsRoutes(deps))

  const api = express.Router()
  api.use(bearerAuth({ tokens: deps.tokens, store: deps.store }))
  api.post('/deployments', deploymentBodyParser(bodyLimitBytes))
  api.use(express.json({ limit: bodyLimitBytes, strict: true }))
  api.get('/schema', (req, res) => {
    requireScope(principal(req), 'read', 'deploy', 'agent')
    res.json(deps.target)
  })
  api.use(whoamiRoutes())
  api.use(deploymentsRoutes(deps.deployments, { definitionLimitBytes: bodyLimitBytes }))
  api.use(ticketsRoutes(deps))
  api.use(instancesRoutes(deps))
  api.use(tasksRoutes(deps))
  api.use(debugRoutes(deps))
  app.use('/api/v1', api)
  app.use(webRoutes())

  app.use(notFoundHandler)
  app.use(errorHandler(deps.logger.child({ component: 'http' })))
  return app
}
