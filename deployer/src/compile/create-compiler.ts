import { existsSync } from 'node:fs'
import path from 'node:path'
import type { TargetSnapshot } from '@ablauf/sdk/target'
import type { Logger } from 'pino'
import { pino } from 'pino'
import type { Program, SourceFile } from 'typescript'
import { writeBuild } from './build-output.js'
import type { CompileResult, Diagnostic } from './compile-types.js'
import { CheckCache, checkDefinitions, type EvaluatedModule } from './definition-checks.js'
import { sortDiagnostics } from './diagnostic-format.js'
import { hostSdkModules } from './host-sdk-modules.js'
import { localClosure, withDependents } from './module-graph.js'
import { ProcessEvaluator, type Evaluation } from './process-evaluator.js'
import { PROCESS_FILE_SUFFIX, ProcessProgram, readCompilerOptions, TARGET_TYPES_FILE } from './process-project.js'
import { readTargetSnapshot, TARGET_SNAPSHOT_FILE } from './target-snapshot-file.js'
import { displayPath, fileTypeDiagnostics, fromTsDiagnostic } from './type-diagnostics.js'

/** Options of {@link createCompiler}. */
export interface CreateCompilerOptions {
  /** The process repository (absolute, or relative to `cwd`). */
  dir: string
  /** Where canonical JSON and `manifest.json` go; nothing is written when absent. */
  out?: string
  /** Diagnostics name files relative to this; default `process.cwd()`. */
  cwd?: string
  /** Time limit for evaluating one process module; default 2000 ms. */
  timeoutMs?: number
  /** What `@ablauf/sdk` (and subpaths) mean inside process modules; default the host's sdk. */
  hostModules?: Readonly<Record<string, unknown>>
  logger?: Logger
}

/** A compiler over one process repository that keeps its TypeScript program between builds. */
export interface Compiler {
  /** A full build: type-check, evaluate, validate, write. */
  compile(): Promise<CompileResult>
  /** An incremental build after `changedFiles` (absolute or relative to `cwd`) changed, appeared or vanished. */
  update(changedFiles: readonly string[]): Promise<CompileResult>
}

interface State {
  project: ProcessProgram
  configDiagnostics: Diagnostic[]
  typeDiagnostics: Map<string, Diagnostic[]>
  evaluations: Map<string, Evaluation>
}

/**
 * Creates a compiler for the process repository `dir`.
 *
 * @example
 * ```ts
 * const compiler = createCompiler({ dir: 'processes', out: '.ablauf/build' })
 * const first = await compiler.compile()
 * const next = await compiler.update(['processes/incident.process.ts'])
 * ```
 */
export function createCompiler(options: CreateCompilerOptions): Compiler {
  const cwd = path.resolve(options.cwd ?? process.cwd())
  const dir = path.resolve(cwd, options.dir)
  const outDir = options.out === undefined ? undefined : path.resolve(cwd, options.out)
  const log = (options.logger ?? pino({ level: 'silent' })).child({ component: 'compiler' })
  let state: State | undefined
  let target: TargetSnapshot | undefined
  let targetDiagnostics: Diagnostic[] = []
  const checkCache = new CheckCache()

  const evaluator = new ProcessEvaluator({
    rootDir: dir,
    cwd,
    timeoutMs: options.timeoutMs ?? 2000,
    hostModules: options.hostModules ?? hostSdkModules(),
    sourceFile: (file) => state?.project.program().getSourceFile(file),
    onConsole: (level, args) => log.debug({ level, args: args.map(String) }, 'process module console'),
  })

  const loadTarget = (): void => {
    const r = readTargetSnapshot(dir)
    target = r.target
    targetDiagnostics = r.problems.map((p) => ({ file: displayPath(cwd, p.file), line: 1, col: 1, code: 'TARGET_INVALID', severity: 'error', message: p.message }))
  }

  const isRepoFile = (sf: SourceFile): boolean => !sf.isDeclarationFile && !sf.fileName.includes('/node_modules/')
  const repoFiles = (program: Program): SourceFile[] => program.getSourceFiles().filter(isRepoFile)
  const processFiles = (program: Program): string[] =>
    program.getSourceFiles().map((sf) => sf.fileName).filter((f) => f.endsWith(PROCESS_FILE_SUFFIX)).sort()

  const checkTypes = (s: State, program: Program, files: readonly SourceFile[]): void => {
    for (const sf of files) s.typeDiagnostics.set(sf.fileName, fileTypeDiagnostics(program, sf, cwd))
  }

  const evaluate = (s: State, program: Program, files: readonly string[]): void => {
    const ready = files.filter((file) => {
      const closure = localClosure(file, (f) => program.getSourceFile(f))
      const broken = closure.some((sf) => (s.typeDiagnostics.get(sf.fileName) ?? []).some((d) => d.severity === 'error'))
      if (broken) s.evaluations.delete(file)
      return !broken
    })
    for (const [file, evaluation] of evaluator.evaluateAll(ready)) s.evaluations.set(file, evaluation)
  }

  const finish = (s: State, program: Program): CompileResult => {
    const diagnostics: Diagnostic[] = [...s.configDiagnostics, ...targetDiagnostics]
    for (const list of s.typeDiagnostics.values()) diagnostics.push(...list)
    const evaluated: EvaluatedModule[] = []
    for (const file of processFiles(program)) {
      const e = s.evaluations.get(file)
      if (!e) continue
      if (!e.ok) diagnostics.push(...e.diagnostics)
      else evaluated.push({ file, raw: e.raw, sources: localClosure(file, (f) => program.getSourceFile(f)) })
    }
    const checked = checkDefinitions(evaluated, { target, cwd, cache: checkCache })
    diagnostics.push(...checked.diagnostics)
    const sorted = sortDiagnostics(diagnostics)
    const errorCount = sorted.filter((d) => d.severity === 'error').length
    const processes = [...checked.processes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    if (outDir && errorCount === 0) writeBuild(outDir, processes)
    log.info({ processes: processes.length, errors: errorCount }, 'compiled')
    return { processes, diagnostics: sorted, errorCount, warningCount: sorted.length - errorCount, outDir: errorCount === 0 ? outDir : undefined }
  }

  const compile = async (): Promise<CompileResult> => {
    if (!existsSync(dir)) {
      const d: Diagnostic = { file: displayPath(cwd, dir), line: 1, col: 1, code: 'DIR_NOT_FOUND', severity: 'error', message: `process directory ${displayPath(cwd, dir)} does not exist` }
      return { processes: [], diagnostics: [d], errorCount: 1, warningCount: 0, outDir: undefined }
    }
    loadTarget()
    const { options: compilerOptions, errors } = readCompilerOptions(dir)
    const project = new ProcessProgram(dir, compilerOptions)
    const s: State = {
      project,
      configDiagnostics: errors.map((e) => fromTsDiagnostic(e, cwd, path.join(dir, 'tsconfig.json'))),
      typeDiagnostics: new Map(),
      evaluations: new Map(),
    }
    state = s
    const program = project.program()
    const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()]
    s.configDiagnostics.push(...global.map((e) => fromTsDiagnostic(e, cwd, path.join(dir, 'tsconfig.json'))))
    checkTypes(s, program, repoFiles(program))
    evaluate(s, program, processFiles(program))
    return finish(s, program)
  }

  const update = async (changedFiles: readonly string[]): Promise<CompileResult> => {
    const s = state
    const changed = changedFiles.map((f) => path.resolve(cwd, f))
    const needsFull = changed.some((f) => ['tsconfig.json', 'package.json', TARGET_TYPES_FILE].includes(path.basename(f)) && path.dirname(f) === dir)
    if (!s || needsFull) return compile()
    if (changed.some((f) => f === path.join(dir, TARGET_SNAPSHOT_FILE))) loadTarget()

    const before = s.project.program()
    const changedTs = changed.filter((f) => /\.[cm]?ts$/.test(f))
    const affected = withDependents(changedTs, repoFiles(before))
    for (const file of changedTs) {
      s.project.changed(file)
      if (!existsSync(file)) {
        s.typeDiagnostics.delete(file)
        s.evaluations.delete(file)
        evaluator.forget(file)
      }
    }
    const program = s.project.program()
    const files = [...affected].map((f) => program.getSourceFile(f)).filter((sf): sf is SourceFile => sf !== undefined && isRepoFile(sf))
    checkTypes(s, program, files)
    evaluate(s, program, files.map((sf) => sf.fileName).filter((f) => f.endsWith(PROCESS_FILE_SUFFIX)))
    log.debug({ changed: changed.length, affected: affected.size }, 'incremental build')
    return finish(s, program)
  }

  return { compile, update }
}
