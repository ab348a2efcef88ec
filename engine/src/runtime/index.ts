export { createProcessRuntime, type ExecutorRuntime } from './process-runtime.js'
export type { JobResultEvent, ProcessRuntimeOptions } from './runtime-options.js'
