export * from './target-schema.js'
export * from './target-types-generator.js'
