import { existsSync } from 'node:fs'
import path from 'node:path'
import type { CompilerHost, CompilerOptions, Diagnostic, Program, SourceFile } from 'typescript'
import { findProcessFiles, PROCESS_FILE_SUFFIX, TARGET_TYPES_FILE } from './repo-layout.js'
import { ts } from './typescript-module.js'

export { findProcessFiles, PROCESS_FILE_SUFFIX, TARGET_TYPES_FILE } from './repo-layout.js'

/** Options that make sense for a repository of process modules when it brings no tsconfig.json. */
const DEFAULT_OPTIONS: CompilerOptions = {
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
const CHECK_ONLY: CompilerOptions = {
  noEmit: true,
  composite: false,
  incremental: false,
  declaration: false,
  declarationMap: false,
  sourceMap: false,
  emitDeclarationOnly: false,
}

/**
 * The compiler options of a process repository: its `tsconfig.json` when present (only the options;
 * the compiler picks the files), else strict NodeNext defaults. Config errors are returned, not thrown.
 */
export function readCompilerOptions(dir: string): { options: CompilerOptions; errors: Diagnostic[] } {
  const configPath = path.join(dir, 'tsconfig.json')
  if (!existsSync(configPath)) return { options: { ...DEFAULT_OPTIONS, ...CHECK_ONLY }, errors: [] }
  const read = ts.readConfigFile(configPath, ts.sys.readFile)
  if (read.error) return { options: { ...DEFAULT_OPTIONS, ...CHECK_ONLY }, errors: [read.error] }
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dir, undefined, configPath)
  // "no inputs found" does not matter: the compiler brings its own root files.
  const errors = parsed.errors.filter((e) => e.code !== 18003)
  return { options: { ...parsed.options, ...CHECK_ONLY }, errors }
}

/**
 * A TypeScript program over the process modules (the program follows their imports) and the generated
 * target types. After {@link ProcessProgram.changed} the next {@link ProcessProgram.program} re-reads
 * only the changed files; every other file keeps its parsed source, and TypeScript reuses the old
 * program's structure where it can.
 */
export class ProcessProgram {
  readonly #options: CompilerOptions
  readonly #roots: Set<string>
  readonly #sources = new Map<string, SourceFile>()
  readonly #host: CompilerHost
  #program: Program | undefined
  #previous: Program | undefined

  constructor(dir: string, options: CompilerOptions) {
    this.#options = options
    this.#roots = new Set(findProcessFiles(dir))
    const targetTypes = path.join(dir, TARGET_TYPES_FILE)
    if (existsSync(targetTypes)) this.#roots.add(targetTypes)
    const host = ts.createCompilerHost(options)
    const read = host.getSourceFile.bind(host)
    host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
      const cached = this.#sources.get(fileName)
      if (cached) return cached
      const sf = read(fileName, languageVersion, onError, shouldCreate)
      if (sf) this.#sources.set(fileName, sf)
      return sf
    }
    this.#host = host
  }

  /** The program over the current files (made once per change). */
  program(): Program {
    this.#program ??= ts.createProgram({ rootNames: [...this.#roots], options: this.#options, host: this.#host, oldProgram: this.#previous })
    this.#previous = this.#program
    return this.#program
  }

  /** `file` (absolute) changed, appeared or vanished; a process module joins or leaves the roots. */
  changed(file: string): void {
    this.#sources.delete(file)
    this.#program = undefined
    if (!file.endsWith(PROCESS_FILE_SUFFIX)) return
    if (existsSync(file)) this.#roots.add(file)
    else this.#roots.delete(file)
  }
}
