import { Router } from 'express'
import type { HttpDeps } from './http-deps.js'

/** `/healthz` (alive), `/readyz` (db reachable, migrations applied), `/metrics` (Prometheus). No auth. */
export function opsRoutes(deps: Pick<HttpDeps, 'store' | 'metrics'>): Router {
  const r = Router()
  r.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' })
  })
  r.get('/readyz', async (_req, res) => {
    const health = await deps.store.health()
    res.status(health.ok ? 200 : 503).json({ status: health.ok ? 'ready' : 'not ready', store: health })
  })
  r.get('/metrics', async (_req, res) => {
    try {
      const counts = await deps.store.transaction((tx) => tx.jobs.counts(), { readOnly: true })
      for (const [status, n] of Object.entries(counts)) deps.metrics.jobQueueDepth.set({ status }, n)
    } catch {
      // A closed or busy store must not break scraping; the gauge keeps its last value.
    }
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics())
  })
  return r
}
