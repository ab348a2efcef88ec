import { decode, type SourceMapMappings } from '@jridgewell/sourcemap-codec'
import { ts } from 'ts-morph'

/** CommonJS JavaScript of one TypeScript module, for evaluation in the sandbox. */
export interface TranspiledModule {
  file: string
  /** The TypeScript text it came from. */
  text: string
  code: string
}

const OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  esModuleInterop: true,
  isolatedModules: true,
  verbatimModuleSyntax: false,
  removeComments: false,
}

/**
 * Transpiles one module without type information (the program has type-checked it already); much
 * cheaper than a second emit of the whole program. No source map: only an error needs one, and
 * {@link originalPosition} makes it then.
 */
export function transpileModule(file: string, text: string): TranspiledModule {
  const out = ts.transpileModule(text, { fileName: file, compilerOptions: OPTIONS, reportDiagnostics: false })
  return { file, text, code: out.outputText }
}

function mappingsOf(mod: TranspiledModule): SourceMapMappings {
  const out = ts.transpileModule(mod.text, { fileName: mod.file, compilerOptions: { ...OPTIONS, sourceMap: true }, reportDiagnostics: false })
  const map = out.sourceMapText === undefined ? undefined : (JSON.parse(out.sourceMapText) as { mappings?: unknown })
  return typeof map?.mappings === 'string' ? decode(map.mappings) : []
}

/** Maps a 0-based line/column of the generated code back to the TypeScript source (0-based). */
export function originalPosition(mod: TranspiledModule, line: number, col: number): { line: number; col: number } | undefined {
  const segments = mappingsOf(mod)[line]
  if (!segments || segments.length === 0) return undefined
  let best = segments[0]
  for (const s of segments) {
    if (s[0] <= col) best = s
    else break
  }
  if (best === undefined || best.length < 4) return undefined
  return { line: best[2] ?? 0, col: best[3] ?? 0 }
}
