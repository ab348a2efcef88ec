/** A TypeScript string literal in single quotes. */
export function quote(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`
}

/** An object key: bare when it is an identifier, else quoted. */
export function key(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : quote(name)
}

/** A sorted, de-duplicated union of string literals; `never` when empty. */
export function literalUnion(values: Iterable<string>): string {
  const sorted = [...new Set(values)].sort(compareText)
  return sorted.length === 0 ? 'never' : sorted.map(quote).join(' | ')
}

/** Locale-independent ordering, so output is the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A one-line JSDoc comment, or nothing when there is no text. */
export function docLine(text: string | undefined, indent: string): string[] {
  const t = text?.replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim()
  return t ? [`${indent}/** ${t} */`] : []
}
