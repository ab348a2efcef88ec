export { createEngineClient, type DeploymentRequest, type DeploymentSource, type EngineClient, type EngineClientOptions } from './engine-client.js'
export { DEFAULT_RETRY, type RetryPolicy } from './engine-http.js'
export type { DeployedProcessSummary, DeployedProcessWithDefinition, Deployment, DeploymentResult, InstanceCount, InstanceSummary, ProcessVersion } from './engine-schemas.js'
