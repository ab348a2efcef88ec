export * from './definition/index.js'
export * from './target/index.js'
export * from './errors.js'
