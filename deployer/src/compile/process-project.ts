import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { Project, ts } from 'ts-morph'

/** The file name of process modules. */
export const PROCESS_FILE_SUFFIX = '.process.ts'
/** The generated target types that augment the sdk's `Register`. */
export const TARGET_TYPES_FILE = 'ablauf-target.d.ts'

const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.ablauf', '.git'])

/** Options that make sense for a repository of process modules when it brings no tsconfig.json. */
const DEFAULT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2023,
  lib: ['lib.es2023.d.ts'],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noUncheckedIndexedAccess: true,
  esModuleInterop: true,
  skipLibCheck: true,
  isolatedModules: true,
  resolveJsonModule: true,
  types: [],
}

/** Whatever the repository's tsconfig says, the compiler only checks: it never writes next to sources. */
const CHECK_ONLY: ts.CompilerOptions = {
  noEmit: true,
  composite: false,
  incremental: false,
  declaration: false,
  declarationMap: false,
  sourceMap: false,
  emitDeclarationOnly: false,
}

/** Every `*.process.ts` below `dir`, sorted, skipping `node_modules`, `dist` and `.ablauf`. */
export function findProcessFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(path.join(d, entry.name))
      } else if (entry.name.endsWith(PROCESS_FILE_SUFFIX)) {
        out.push(path.join(d, entry.name))
      }
    }
  }
  walk(dir)
  return out.sort()
}

/**
 * The compiler options of a process repository: its `tsconfig.json` when present (only the options;
 * the compiler picks the files), else strict NodeNext defaults. Config errors are returned, not thrown.
 */
export function readCompilerOptions(dir: string): { options: ts.CompilerOptions; errors: ts.Diagnostic[] } {
  const configPath = path.join(dir, 'tsconfig.json')
  if (!existsSync(configPath)) return { options: { ...DEFAULT_OPTIONS, ...CHECK_ONLY }, errors: [] }
  const read = ts.readConfigFile(configPath, ts.sys.readFile)
  if (read.error) return { options: { ...DEFAULT_OPTIONS, ...CHECK_ONLY }, errors: [read.error] }
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dir, undefined, configPath)
  // "no inputs found" does not matter: the compiler brings its own root files.
  const errors = parsed.errors.filter((e) => e.code !== 18003)
  return { options: { ...parsed.options, ...CHECK_ONLY }, errors }
}

/** One ts-morph project over the process modules (the program follows their imports) and the generated target types. */
export function createProcessProject(dir: string, options: ts.CompilerOptions): Project {
  const project = new Project({ compilerOptions: options, skipAddingFilesFromTsConfig: true })
  for (const file of findProcessFiles(dir)) project.addSourceFileAtPath(file)
  const targetTypes = path.join(dir, TARGET_TYPES_FILE)
  if (existsSync(targetTypes)) project.addSourceFileAtPath(targetTypes)
  // No resolveSourceFileDependencies(): the program resolves imports itself, and wrapping every
  // dependency in ts-morph nodes costs more than the type-check of a large repository.
  return project
}
