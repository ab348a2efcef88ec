/**
 * Something an import or export could not carry over exactly, named by the Znuny entity it concerns.
 * Warnings never stop an import; the item is also marked in the definition (a `TODO(znuny-import)`
 * line in a description) so it is not lost.
 */
export interface InteropWarning {
  /** The Znuny EntityID (`Transition-…`, `TA3`) or our id on export. */
  entityId: string
  /** Where in the input document. */
  path: (string | number)[]
  message: string
}

/** The marker prefix of unmapped items in descriptions and generated modules. */
export const TODO_MARKER = 'TODO(znuny-import):'

/** Appends `TODO(znuny-import): …` lines to a description. */
export function withTodos(description: string | undefined, todos: readonly string[]): string | undefined {
  if (todos.length === 0) return description
  const lines = todos.map((t) => `${TODO_MARKER} ${t}`)
  return [description, ...lines].filter((s): s is string => s !== undefined && s !== '').join('\n')
}

/** The TODO lines of a description (for `// TODO(znuny-import): …` comments in generated code). */
export function todosOf(description: string | undefined): string[] {
  if (description === undefined) return []
  return description
    .split('\n')
    .filter((l) => l.startsWith(TODO_MARKER))
    .map((l) => l.slice(TODO_MARKER.length).trim())
}
