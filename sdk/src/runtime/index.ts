export type * from './runtime-types.js'
