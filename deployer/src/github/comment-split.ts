/** GitHub's limit for the body of an issue comment, in characters. */
export const GITHUB_COMMENT_LIMIT = 65_536

/**
 * Splits Markdown into parts of at most `maxChars` each, at line boundaries. A code fence (such as a
 * Mermaid diagram) that spans a cut is closed at the end of one part and reopened in the next, so
 * every part renders on its own. A single line longer than a part is cut hard.
 */
export function splitMarkdown(text: string, maxChars: number): string[] {
  if (text.length <= maxChars) return [text]
  const parts: string[] = []
  let current: string[] = []
  let size = 0
  let fence: string | null = null
  const closing = (): number => (fence === null ? 0 : 4)
  const flush = (): void => {
    if (fence !== null) current.push('```')
    parts.push(current.join('\n'))
    current = fence === null ? [] : [fence]
    size = current.reduce((n, l) => n + l.length + 1, 0)
  }
  for (const whole of text.split('\n')) {
    for (const line of chunks(whole, Math.max(16, maxChars - 64))) {
      if (size + line.length + 1 + closing() > maxChars && current.length > 0) flush()
      current.push(line)
      size += line.length + 1
      const marker = /^\s*(`{3,}|~{3,})(.*)$/.exec(line)
      if (marker) fence = fence === null ? line.trim() : null
    }
  }
  if (current.length > 0) parts.push(current.join('\n'))
  return parts
}

function chunks(line: string, size: number): string[] {
  if (line.length <= size) return [line]
  const out: string[] = []
  for (let i = 0; i < line.length; i += size) out.push(line.slice(i, i + size))
  return out
}
