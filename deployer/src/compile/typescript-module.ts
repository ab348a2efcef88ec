import { createRequire } from 'node:module'
import type TypeScript from 'typescript'

/**
 * The TypeScript compiler API, loaded with `require`: importing this 9 MB CommonJS module from ESM
 * makes Node scan all of its text for export names first, which costs about 200 ms of every cold
 * `ablauf compile` (more than compiling the module).
 */
export const ts = createRequire(import.meta.url)('typescript') as typeof TypeScript
