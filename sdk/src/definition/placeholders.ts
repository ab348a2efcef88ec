/**
 * Placeholders in text values: `{{ticket.Title}}`, `{{ticket.DynamicField.Category}}`,
 * `{{customer.Email}}`, `{{owner.FirstName}}`, `{{responsible.Email}}`, `{{process.Name}}`.
 * This module only parses and checks their shape; rendering lives in the runtime.
 */

/** Fields of `ticket.*` besides `DynamicField.<Name>`. */
export const TICKET_PLACEHOLDER_FIELDS = [
  'TicketNumber',
  'TicketID',
  'Title',
  'Queue',
  'State',
  'Priority',
  'Type',
  'Service',
  'SLA',
  'Owner',
  'Responsible',
  'CustomerUser',
  'CustomerID',
  'Lock',
  'PendingTime',
] as const

/** Fields of a person placeholder (`customer`, `owner`, `responsible`). */
export const PERSON_PLACEHOLDER_FIELDS = ['Login', 'Email', 'FirstName', 'LastName', 'CustomerID'] as const

/** Fields of `process.*`. */
export const PROCESS_PLACEHOLDER_FIELDS = ['ID', 'Name', 'Activity'] as const

export const PLACEHOLDER_ROOTS = ['ticket', 'customer', 'owner', 'responsible', 'process'] as const
export type PlaceholderRoot = (typeof PLACEHOLDER_ROOTS)[number]

/** One `{{…}}` occurrence in a text. */
export interface Placeholder {
  /** The whole occurrence, braces included. */
  raw: string
  /** The trimmed expression, e.g. `ticket.DynamicField.Category`. */
  expression: string
  /** Dotted segments of the expression. */
  path: string[]
  /** Character offset in the text. */
  index: number
}

const PLACEHOLDER_RE = /\{\{\s*([^{}]*?)\s*\}\}/g

/**
 * Every placeholder in `text`, in order.
 *
 * @example
 * ```ts
 * parsePlaceholders('Hello {{customer.FirstName}}')[0].path // ['customer', 'FirstName']
 * ```
 */
export function parsePlaceholders(text: string): Placeholder[] {
  const out: Placeholder[] = []
  for (const m of text.matchAll(PLACEHOLDER_RE)) {
    const expression = m[1] ?? ''
    out.push({ raw: m[0], expression, path: expression.split('.'), index: m.index ?? 0 })
  }
  return out
}

/**
 * Why a placeholder's shape is wrong, or `undefined` when it is well-formed. Whether a named dynamic
 * field exists is the validator's business (it knows the target).
 *
 * @example
 * ```ts
 * placeholderProblem(['ticket', 'Titel']) // 'unknown ticket field "Titel" — did you mean "Title"?' (suggestion added by caller)
 * ```
 */
export function placeholderProblem(path: readonly string[]): string | undefined {
  const [root, first, second, ...rest] = path
  if (!root) return 'empty placeholder'
  if (!(PLACEHOLDER_ROOTS as readonly string[]).includes(root)) {
    return `unknown placeholder root "${root}"; use one of ${PLACEHOLDER_ROOTS.join(', ')}`
  }
  if (root === 'ticket') {
    if (first === 'DynamicField') {
      if (!second || rest.length > 0) return 'write a dynamic field placeholder as {{ticket.DynamicField.<Name>}}'
      return undefined
    }
    if (!first || second !== undefined) return 'write a ticket placeholder as {{ticket.<Field>}}'
    if (!(TICKET_PLACEHOLDER_FIELDS as readonly string[]).includes(first)) return `unknown ticket field "${first}"`
    return undefined
  }
  const fields: readonly string[] = root === 'process' ? PROCESS_PLACEHOLDER_FIELDS : PERSON_PLACEHOLDER_FIELDS
  if (!first || second !== undefined) return `write it as {{${root}.<Field>}} with one of ${fields.join(', ')}`
  if (!fields.includes(first)) return `unknown ${root} field "${first}"; use one of ${fields.join(', ')}`
  return undefined
}
