import path from 'node:path'
import type { SourceFile } from 'typescript'
import { resolveRelative } from './repo-layout.js'
import { ts } from './typescript-module.js'

/** The repository files a module imports by relative specifier (static imports, type-only too, and re-exports). */
export function relativeImports(sf: SourceFile): string[] {
  const out: string[] = []
  for (const st of sf.statements) {
    const spec = (ts.isImportDeclaration(st) || ts.isExportDeclaration(st)) && st.moduleSpecifier
    if (!spec || !ts.isStringLiteral(spec) || !spec.text.startsWith('.')) continue
    const file = resolveRelative(path.dirname(sf.fileName), spec.text)
    if (file) out.push(file)
  }
  return out
}

/** `file` and every repository module it imports, transitively, `file` first. */
export function localClosure(file: string, sourceFile: (file: string) => SourceFile | undefined): SourceFile[] {
  const seen = new Map<string, SourceFile>()
  const visit = (f: string): void => {
    if (seen.has(f)) return
    const sf = sourceFile(f)
    if (!sf) return
    seen.set(f, sf)
    for (const dep of relativeImports(sf)) visit(dep)
  }
  visit(file)
  return [...seen.values()]
}

/** The files among `all` that import one of `changed`, transitively (the changed ones included). */
export function withDependents(changed: Iterable<string>, all: readonly SourceFile[]): Set<string> {
  const importers = new Map<string, string[]>()
  for (const sf of all) {
    for (const dep of relativeImports(sf)) importers.set(dep, [...(importers.get(dep) ?? []), sf.fileName])
  }
  const out = new Set(changed)
  const queue = [...out]
  for (let f = queue.pop(); f !== undefined; f = queue.pop()) {
    for (const i of importers.get(f) ?? []) {
      if (!out.has(i)) {
        out.add(i)
        queue.push(i)
      }
    }
  }
  return out
}
