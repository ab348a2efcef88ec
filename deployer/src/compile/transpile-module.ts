import { decode, type SourceMapMappings } from '@jridgewell/sourcemap-codec'
import { ts } from 'ts-morph'

/** CommonJS JavaScript of one TypeScript module, for evaluation in the sandbox, with its line mapping. */
export interface TranspiledModule {
  file: string
  code: string
  mappings: SourceMapMappings
}

const OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  isolatedModules: true,
  verbatimModuleSyntax: false,
  sourceMap: true,
  inlineSourceMap: false,
  removeComments: false,
}

/**
 * Transpiles one module without type information (the program has type-checked it already); much
 * cheaper than a second emit of the whole program.
 */
export function transpileModule(file: string, text: string): TranspiledModule {
  const out = ts.transpileModule(text, { fileName: file, compilerOptions: OPTIONS })
  const map = out.sourceMapText === undefined ? undefined : (JSON.parse(out.sourceMapText) as { mappings?: unknown })
  const mappings = typeof map?.mappings === 'string' ? decode(map.mappings) : []
  const code = out.outputText.replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n')
  return { file, code, mappings }
}

/** Maps a 0-based line/column of the generated code back to the TypeScript source (0-based). */
export function originalPosition(
  mod: TranspiledModule,
  line: number,
  col: number,
): { line: number; col: number } | undefined {
  const segments = mod.mappings[line]
  if (!segments || segments.length === 0) return undefined
  let best = segments[0]
  for (const s of segments) {
    if (s[0] <= col) best = s
    else break
  }
  if (best === undefined || best.length < 4) return undefined
  return { line: best[2] ?? 0, col: best[3] ?? 0 }
}
