import path from 'node:path'
import type { Diagnostic as TsDiagnostic, Program, SourceFile } from 'typescript'
import type { Diagnostic } from './compile-types.js'
import { ts } from './typescript-module.js'

/** A file name as diagnostics print it: relative to `cwd`, with forward slashes. */
export function displayPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file)
  return (rel === '' ? path.basename(file) : rel).split(path.sep).join('/')
}

/** Converts a TypeScript diagnostic into ours, located like tsc prints it (1-based line and column). */
export function fromTsDiagnostic(d: TsDiagnostic, cwd: string, fallbackFile: string): Diagnostic {
  const severity = d.category === ts.DiagnosticCategory.Error ? 'error' : 'warning'
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n  ')
  const code = `TS${d.code}`
  if (d.file === undefined || d.start === undefined) {
    return { file: displayPath(cwd, fallbackFile), line: 1, col: 1, code, severity, message }
  }
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start)
  return { file: displayPath(cwd, d.file.fileName), line: line + 1, col: character + 1, code, severity, message }
}

/** Syntax and type errors of one source file of a program. */
export function fileTypeDiagnostics(program: Program, sourceFile: SourceFile, cwd: string): Diagnostic[] {
  const syntactic = program.getSyntacticDiagnostics(sourceFile)
  const all = syntactic.length > 0 ? syntactic : program.getSemanticDiagnostics(sourceFile)
  return all
    .filter((d) => d.category === ts.DiagnosticCategory.Error || d.category === ts.DiagnosticCategory.Warning)
    .map((d) => fromTsDiagnostic(d, cwd, sourceFile.fileName))
}
