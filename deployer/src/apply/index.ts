export { applyDefinitions, type ApplyOptions, type ApplyOutcome, type DeploymentStep } from './apply-definitions.js'
export { resolveDeploymentSource, type SourceInputs } from './deployment-source.js'
export { compilerPort, requireCompiled, type CompileProcesses } from './compile-desired.js'
export { linkHostPackages } from './link-host-packages.js'
