import { existsSync } from 'node:fs'
import path from 'node:path'
import type { TargetSnapshot } from '@ablauf/sdk/target'
import { createRequire } from 'node:module'
import type { Logger } from 'pino'
import type { Program, SourceFile } from 'typescript'
import type { BuildManifest } from './build-manifest.js'
import { writeBuildEntries } from './build-output.js'
import { CheckCache } from './check-cache.js'
import type { CompileResult, Diagnostic } from './compile-types.js'
import { checkDefinitions, type EvaluatedModule } from './definition-checks.js'
import { sortDiagnostics } from './diagnostic-format.js'
import { localClosure, withDependents } from './module-graph.js'
import { ProcessEvaluator, type Evaluation } from './process-evaluator.js'
import { ProcessProgram, readCompilerOptions } from './process-project.js'
import { lazyLogger } from './lazy-logger.js'
import { findProcessFiles, PROCESS_FILE_SUFFIX, TARGET_SNAPSHOT_FILE, TARGET_TYPES_FILE } from './repo-layout.js'
import type { SnapshotProblem } from './target-snapshot-file.js'
import { displayPath, fileTypeDiagnostics, fromTsDiagnostic } from './type-diagnostics.js'
import { startWorkerEvaluation, type WorkerResult } from './worker-evaluation.js'

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

/**
 * A compiler over one process repository that keeps its TypeScript program between builds. Builds run
 * one at a time in the order asked for (`ablauf dev` asks on saves and on commits alike).
 */
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
  /** The previous build's manifest as the evaluation worker read it (used by the next write only). */
  previousBuild?: { manifest: BuildManifest | undefined } | undefined
}

function silentLogger(): Logger {
  const { pino } = createRequire(import.meta.url)('pino') as typeof import('pino')
  return pino({ level: 'silent' })
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
  const log = (options.logger ?? lazyLogger('silent', silentLogger)).child({ component: 'compiler' })
  let state: State | undefined
  let target: TargetSnapshot | undefined
  let targetDiagnostics: Diagnostic[] = []
  const checkCache = new CheckCache()
  const timeoutMs = options.timeoutMs ?? 2000
  const onConsole = (level: string, args: unknown[]): void => log.debug({ level, args: args.map(String) }, 'process module console')

  const evaluator = new ProcessEvaluator({
    rootDir: dir,
    cwd,
    timeoutMs,
    hostModules: options.hostModules,
    sourceFile: (file) => state?.project.program().getSourceFile(file),
    onConsole,
  })

  const setTarget = (r: { target: TargetSnapshot | undefined; problems: SnapshotProblem[] }): void => {
    target = r.target
    targetDiagnostics = r.problems.map((p) => ({ file: displayPath(cwd, p.file), line: 1, col: 1, code: 'TARGET_INVALID', severity: 'error', message: p.message }))
  }
  const loadTarget = async (): Promise<void> => setTarget((await import('./target-snapshot-file.js')).readTargetSnapshot(dir))

  const isRepoFile = (sf: SourceFile): boolean => !sf.isDeclarationFile && !sf.fileName.includes('/node_modules/')
  const repoFiles = (program: Program): SourceFile[] => program.getSourceFiles().filter(isRepoFile)
  const processFiles = (program: Program): string[] =>
    program.getSourceFiles().map((sf) => sf.fileName).filter((f) => f.endsWith(PROCESS_FILE_SUFFIX)).sort()

  const checkTypes = (s: State, program: Program, files: readonly SourceFile[]): void => {
    for (const sf of files) s.typeDiagnostics.set(sf.fileName, fileTypeDiagnostics(program, sf, cwd))
  }

  /** True when `file` or a repository module it imports has a type error: it is not evaluated then. */
  const broken = (s: State, program: Program, file: string): boolean =>
    localClosure(file, (f) => program.getSourceFile(f)).some((sf) => (s.typeDiagnostics.get(sf.fileName) ?? []).some((d) => d.severity === 'error'))

  const evaluate = async (s: State, program: Program, files: readonly string[]): Promise<void> => {
    const ready = files.filter((file) => {
      const skip = broken(s, program, file)
      if (skip) s.evaluations.delete(file)
      return !skip
    })
    for (const [file, evaluation] of await evaluator.evaluateAll(ready)) {
      s.evaluations.set(file, evaluation)
      if (evaluation.ok && evaluation.parsed) checkCache.trustParsed(evaluation.raw)
    }
  }

  /** Takes over what the evaluation worker found, as if this thread had evaluated and checked. */
  const adopt = (s: State, answer: WorkerResult): void => {
    setTarget(answer.target)
    s.previousBuild = { manifest: answer.previousBuild }
    for (const c of answer.console) onConsole(c.level, c.args)
    const raws: unknown[] = []
    for (const [file, outcome] of answer.outcomes) {
      s.evaluations.set(file, evaluator.located(file, outcome))
      if (outcome.ok) raws.push(outcome.raw)
    }
    checkCache.seed(raws, answer.checks, target)
  }

  const finish = async (s: State, program: Program): Promise<CompileResult> => {
    const diagnostics: Diagnostic[] = [...s.configDiagnostics, ...targetDiagnostics]
    for (const list of s.typeDiagnostics.values()) diagnostics.push(...list)
    const evaluated: EvaluatedModule[] = []
    for (const file of processFiles(program)) {
      const e = s.evaluations.get(file)
      if (!e) continue
      if (!e.ok) diagnostics.push(...e.diagnostics)
      else evaluated.push({ file, raw: e.raw, sources: localClosure(file, (f) => program.getSourceFile(f)) })
    }
    const raws = evaluated.map((m) => m.raw)
    const checks = checkCache.lookup(raws, target) ?? (await import('./definition-validation.js')).validateDefinitions(raws, target, checkCache)
    const checked = checkDefinitions(evaluated, checks, cwd)
    diagnostics.push(...checked.diagnostics)
    const sorted = sortDiagnostics(diagnostics)
    const errorCount = sorted.filter((d) => d.severity === 'error').length
    const processes = checked.processes.map((p) => p.process).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    if (outDir && errorCount === 0) {
      const previous = s.previousBuild ? s.previousBuild.manifest : (await import('./build-manifest.js')).readBuildManifest(outDir)
      writeBuildEntries(outDir, checked.processes, previous)
    }
    s.previousBuild = undefined
    log.info({ processes: processes.length, errors: errorCount }, 'compiled')
    return { processes, diagnostics: sorted, errorCount, warningCount: sorted.length - errorCount, outDir: errorCount === 0 ? outDir : undefined }
  }

  const failed = (err: unknown): undefined => {
    log.warn({ err }, 'evaluation worker failed; evaluating in this thread')
    return undefined
  }

  const compile = async (): Promise<CompileResult> => {
    if (!existsSync(dir)) {
      const d: Diagnostic = { file: displayPath(cwd, dir), line: 1, col: 1, code: 'DIR_NOT_FOUND', severity: 'error', message: `process directory ${displayPath(cwd, dir)} does not exist` }
      return { processes: [], diagnostics: [d], errorCount: 1, warningCount: 0, outDir: undefined }
    }
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
    // The worker evaluates every process module while this thread type-checks; its answer counts
    // only when type-checking finds exactly those modules and none has a type error (otherwise the
    // set of evaluated definitions differs, and this thread evaluates the ones without errors).
    // It starts after parsing: overlapping the checker instead of the parser was measurably faster
    // on two cores, and the check still outlasts it.
    const roots = findProcessFiles(dir)
    const worker = options.hostModules ? undefined : startWorkerEvaluation({ rootDir: dir, timeoutMs, files: roots, outDir })
    const global = [...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics()]
    s.configDiagnostics.push(...global.map((e) => fromTsDiagnostic(e, cwd, path.join(dir, 'tsconfig.json'))))
    checkTypes(s, program, repoFiles(program))
    const files = processFiles(program)
    const usable = files.length === roots.length && files.every((f, i) => f === roots[i] && !broken(s, program, f))
    if (!usable) worker?.cancel()
    const answer = usable && worker ? await worker.result.catch((err: unknown) => failed(err)) : undefined
    if (answer) adopt(s, answer)
    else {
      await loadTarget()
      await evaluate(s, program, files)
    }
    return finish(s, program)
  }

  const update = async (changedFiles: readonly string[]): Promise<CompileResult> => {
    const s = state
    const changed = changedFiles.map((f) => path.resolve(cwd, f))
    const needsFull = changed.some((f) => ['tsconfig.json', 'package.json', TARGET_TYPES_FILE].includes(path.basename(f)) && path.dirname(f) === dir)
    if (!s || needsFull) return compile()
    if (changed.some((f) => f === path.join(dir, TARGET_SNAPSHOT_FILE))) await loadTarget()

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
    await evaluate(s, program, files.map((sf) => sf.fileName).filter((f) => f.endsWith(PROCESS_FILE_SUFFIX)))
    log.debug({ changed: changed.length, affected: affected.size }, 'incremental build')
    return finish(s, program)
  }

  // Builds share `state` and the TypeScript program: a second one may only start when the first is done.
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <A extends unknown[]>(build: (...args: A) => Promise<CompileResult>) => (...args: A): Promise<CompileResult> => {
    const next = queue.then(() => build(...args))
    queue = next.catch(() => undefined)
    return next
  }
  return { compile: serial(compile), update: serial(update) }
}
