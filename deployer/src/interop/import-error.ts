import { AblaufError, type Issue } from '@ablauf/sdk/errors'

/** A path into the imported document, e.g. `['Transitions', 'T1', 'Config']`. */
export type DocumentPath = readonly (string | number)[]

/** Dotted form of a path for messages: `Transitions.T1.Config`. */
export function formatPath(path: DocumentPath): string {
  return path.length === 0 ? '(document)' : path.map(String).join('.')
}

/**
 * The one error of a failed import: code `IMPORT_FAILED`, the path of the offending item in the input
 * and a message that says what was found. `issues` lists every problem when there are several.
 */
export function importFailed(message: string, path: DocumentPath, issues?: Issue[]): AblaufError {
  const where = formatPath(path)
  return new AblaufError('IMPORT_FAILED', `${where}: ${message}`, {
    path: [...path],
    ...(issues === undefined ? {} : { issues }),
  })
}
