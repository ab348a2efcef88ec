import type { Node, SourceFile } from 'typescript'
import { ts } from './typescript-module.js'

/** A 1-based position in a source file. */
export interface SourcePosition {
  file: string
  line: number
  col: number
}

type Path = readonly (string | number)[]

function position(sf: SourceFile, pos: number): SourcePosition {
  const { line, character } = sf.getLineAndCharacterOfPosition(pos)
  return { file: sf.fileName, line: line + 1, col: character + 1 }
}

/** Where the process is declared: the `defineProcess(…)` call, else `export default`, else the top. */
export function declarationPosition(sf: SourceFile): SourcePosition {
  let found: Node | undefined
  let exportDefault: Node | undefined
  const visit = (node: Node): void => {
    if (found) return
    if (ts.isCallExpression(node)) {
      const callee = node.expression
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : ''
      if (name === 'defineProcess') {
        found = node
        return
      }
    }
    if (ts.isExportAssignment(node) && !exportDefault) exportDefault = node
    ts.forEachChild(node, visit)
  }
  visit(sf)
  const node = found ?? exportDefault
  return node ? position(sf, node.getStart(sf)) : position(sf, 0)
}

/** The first string literal (or property name) in `sf` whose text is `text`. */
export function findLiteral(sf: SourceFile, text: string): SourcePosition | undefined {
  let found: Node | undefined
  const visit = (node: Node): void => {
    if (found) return
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.text === text) {
      found = node
      return
    }
    if ((ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) && ts.isIdentifier(node.name) && node.name.text === text) {
      found = node.name
      return
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return found ? position(sf, found.getStart(sf)) : undefined
}

function valueAt(root: unknown, path: Path): unknown {
  let v: unknown = root
  for (const p of path) {
    if (typeof v !== 'object' || v === null) return undefined
    v = (v as Record<string | number, unknown>)[p]
  }
  return v
}

/** The texts that most likely appear in the source at an issue's path, most specific first. */
export function searchTexts(definition: unknown, path: Path): string[] {
  const texts: string[] = []
  const full = valueAt(definition, path)
  if (typeof full === 'string' && full.length > 0) texts.push(full)
  const last = path[path.length - 1]
  if (typeof last === 'string' && path.length >= 2 && typeof valueAt(definition, path.slice(0, -1)) === 'object') {
    // A record key such as a script parameter's or an output mapping's name.
    const parent = path[path.length - 2]
    if (typeof parent === 'string' && ['params', 'input', 'output', 'dynamicFields'].includes(parent)) texts.push(last)
  }
  for (let n = path.length; n >= 1; n--) {
    const v = valueAt(definition, path.slice(0, n))
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const rec = v as Record<string, unknown>
      for (const key of ['field', 'id']) {
        const s = rec[key]
        if (typeof s === 'string' && !texts.includes(s)) texts.push(s)
      }
    }
  }
  return texts
}

/**
 * Finds the source position of an issue at `path` of `definition`: a string literal with the offending
 * value or the id of the enclosing activity/transition, searched in the process module first and then
 * in the modules it imports; else the `defineProcess` call.
 */
export function locateIssue(definition: unknown, path: Path, files: readonly SourceFile[]): SourcePosition {
  const texts = searchTexts(definition, path)
  const full = valueAt(definition, path)
  const specific = typeof full === 'string' && texts[0] === full ? [full] : []
  for (const text of specific) {
    for (const sf of files) {
      const at = findLiteral(sf, text)
      if (at) return at
    }
  }
  if (path[0] === 'transitions' && typeof path[1] === 'number') {
    const at = locateTransition(definition, path[1], files)
    if (at) return at
  }
  for (const text of texts) {
    for (const sf of files) {
      const at = findLiteral(sf, text)
      if (at) return at
    }
  }
  const main = files[0]
  if (!main) throw new Error('locateIssue needs at least the process module')
  return declarationPosition(main)
}

/** The `.transition(from, to, …)` call that declared transition `index` (the n-th with that pair). */
function locateTransition(definition: unknown, index: number, files: readonly SourceFile[]): SourcePosition | undefined {
  const list = valueAt(definition, ['transitions'])
  if (!Array.isArray(list)) return undefined
  const pair = (t: unknown): [unknown, unknown] => [valueAt(t, ['from']), valueAt(t, ['to'])]
  const [from, to] = pair(list[index])
  if (typeof from !== 'string' || typeof to !== 'string') return undefined
  let nth = list.slice(0, index).filter((t) => pair(t)[0] === from && pair(t)[1] === to).length
  for (const sf of files) {
    let found: Node | undefined
    const visit = (node: Node): void => {
      if (found) return
      ts.forEachChild(node, visit)
      if (found || !ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return
      if (node.expression.name.text !== 'transition') return
      const [a, b] = node.arguments
      if (a && b && ts.isStringLiteralLike(a) && ts.isStringLiteralLike(b) && a.text === from && b.text === to) {
        if (nth === 0) found = node.expression.name
        nth -= 1
      }
    }
    visit(sf)
    if (found) return position(sf, found.getStart(sf))
  }
  return undefined
}
