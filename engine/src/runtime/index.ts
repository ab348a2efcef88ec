export { createProcessRuntime, type ExecutorRuntime } from './process-runtime.js'
export type { JobResultEvent, ProcessRuntimeOptions } from './runtime-options.js'
export { createEngineRuntime, type EngineRuntime, type EngineRuntimeOptions } from './engine-runtime.js'
