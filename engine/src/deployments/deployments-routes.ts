import { Router } from 'express'
import { z } from 'zod'
import { idSchema } from '@ablauf/sdk/definition'
import { principal } from '../http/auth/token-auth.js'
import { requireScope } from '../http/auth/principal.js'
import { parseInput } from '../http/parse-input.js'
import { checkDefinitionSizes } from './deployment-body.js'
import { deploymentRequestSchema } from './deployment-request.js'
import type { DeploymentService } from './deployment-service.js'

const processParams = z.strictObject({ id: idSchema })
const versionParams = z.strictObject({
  id: idSchema,
  v: z.union([z.coerce.number().int().min(1), z.string().regex(/^[0-9a-f]{64}$/)]),
})
const deploymentParams = z.strictObject({ id: z.string().min(1).max(100) })
const processesQuery = z.strictObject({ include: z.literal('definition').optional() })
const deploymentsQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(100) })
const noQuery = z.strictObject({})

/** Options of {@link deploymentsRoutes}. */
export interface DeploymentsRoutesOptions {
  /** `server.bodyLimit` in bytes: the most one definition of a deployment may take. */
  definitionLimitBytes: number
}

/** `/processes` and `/deployments` (read: read, deploy; write: deploy). */
export function deploymentsRoutes(service: DeploymentService, options: DeploymentsRoutesOptions): Router {
  const r = Router()
  r.get('/processes', async (req, res) => {
    requireScope(principal(req), 'read', 'deploy')
    const q = parseInput(processesQuery, req.query, 'query')
    res.json({ processes: q.include === 'definition' ? await service.listProcessesWithDefinitions() : await service.listProcesses() })
  })
  r.get('/processes/:id/versions', async (req, res) => {
    requireScope(principal(req), 'read', 'deploy')
    const { id } = parseInput(processParams, req.params, 'params')
    res.json({ versions: await service.listVersions(id) })
  })
  r.get('/processes/:id/versions/:v', async (req, res) => {
    requireScope(principal(req), 'read', 'deploy')
    const { id, v } = parseInput(versionParams, req.params, 'params')
    res.json({ version: await service.getVersion(id, v) })
  })
  r.post('/deployments', async (req, res) => {
    const p = principal(req)
    requireScope(p, 'deploy')
    const body = parseInput(deploymentRequestSchema, req.body, 'body')
    checkDefinitionSizes(body.definitions, options.definitionLimitBytes)
    const result = await service.deploy(body, p.token)
    res.status(result.changed && !result.dryRun ? 201 : 200).json(result)
  })
  r.get('/deployments', async (req, res) => {
    requireScope(principal(req), 'read', 'deploy')
    const { limit } = parseInput(deploymentsQuery, req.query, 'query')
    res.json({ deployments: await service.listDeployments(limit) })
  })
  r.get('/deployments/:id', async (req, res) => {
    requireScope(principal(req), 'read', 'deploy')
    const { id } = parseInput(deploymentParams, req.params, 'params')
    parseInput(noQuery, req.query, 'query')
    res.json({ deployment: await service.getDeployment(id) })
  })
  return r
}
