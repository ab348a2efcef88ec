export * from './target-schema.js'
