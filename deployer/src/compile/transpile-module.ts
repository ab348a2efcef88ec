import { createRequire } from 'node:module'
import { transform } from 'sucrase'
import type TypeScript from 'typescript'

/** CommonJS JavaScript of one TypeScript module, for evaluation in the sandbox. */
export interface TranspiledModule {
  file: string
  /** The TypeScript text it came from. */
  text: string
  code: string
  /** True when line N of `code` is line N of `text` (so errors map back without a source map). */
  sameLines: boolean
}

/**
 * Transpiles one module to CommonJS without type information (type errors are the program's
 * business). sucrase strips types and rewrites imports several times faster than
 * `ts.transpileModule` and keeps every line where it was, so a stack frame's line is the source line.
 * Syntax sucrase does not handle falls back to TypeScript's transpiler, loaded only then (the
 * evaluation worker has no other use for it).
 */
export function transpileModule(file: string, text: string): TranspiledModule {
  try {
    const out = transform(text, { transforms: ['typescript', 'imports'], filePath: file, disableESTransforms: true })
    return { file, text, code: out.code, sameLines: true }
  } catch {
    const ts = createRequire(import.meta.url)('typescript') as typeof TypeScript
    const out = ts.transpileModule(text, {
      fileName: file,
      reportDiagnostics: false,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, isolatedModules: true, verbatimModuleSyntax: false },
    })
    return { file, text, code: out.outputText, sameLines: false }
  }
}

/** Maps a 0-based line/column of the generated code back to the TypeScript source (0-based). */
export function originalPosition(mod: TranspiledModule, line: number, col: number): { line: number; col: number } | undefined {
  if (!mod.sameLines) return undefined
  const source = mod.text.split('\n')[line]
  if (source === undefined) return undefined
  // Rewritten imports can shift columns; keep the column when it still fits the source line.
  return { line, col: col < source.length ? col : source.length - source.trimStart().length }
}
