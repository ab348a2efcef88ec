export { applyDefinitions, type ApplyOptions, type ApplyOutcome } from './apply-definitions.js'
export { resolveDeploymentSource, type SourceInputs } from './deployment-source.js'
