import { parsePlaceholders } from '@ablauf/sdk/definition'

/** Which tag prefix an export writes: OTRS / Znuny (`<OTRS_TICKET_Title>`) or OTOBO (`<OTOBO_TICKET_Title>`). */
export type TagFlavor = 'otrs' | 'otobo'

/** Znuny ticket-hash keys that differ from our placeholder names. */
const TICKET_KEY_TO_FIELD: Record<string, string> = { CustomerUserID: 'CustomerUser' }
const TICKET_FIELD_TO_KEY: Record<string, string> = { CustomerUser: 'CustomerUserID' }
const TICKET_FIELDS = new Set([
  'TicketNumber', 'TicketID', 'Title', 'Queue', 'State', 'Priority', 'Type', 'Service', 'SLA',
  'Owner', 'Responsible', 'CustomerUser', 'CustomerID', 'Lock',
])

/** Person data keys (`<OTRS_OWNER_UserEmail>`) ↔ our person fields (`{{owner.Email}}`). */
const PERSON_KEY_TO_FIELD: Record<string, string> = {
  UserLogin: 'Login',
  UserEmail: 'Email',
  UserFirstname: 'FirstName',
  UserLastname: 'LastName',
  UserCustomerID: 'CustomerID',
}
const PERSON_FIELD_TO_KEY = Object.fromEntries(Object.entries(PERSON_KEY_TO_FIELD).map(([k, v]) => [v, k]))

const TAG_RE = /<(?:OTRS|OTOBO)_(TICKET|CUSTOMER_DATA|CUSTOMER|OWNER|RESPONSIBLE)_([A-Za-z0-9_]+)>/g

function tagToPlaceholder(group: string, key: string): string | undefined {
  if (group === 'TICKET') {
    const df = /^DynamicField_([A-Za-z0-9]+?)(?:_Value)?$/.exec(key)
    if (df) return `{{ticket.DynamicField.${df[1]}}}`
    const f = TICKET_KEY_TO_FIELD[key] ?? key
    return TICKET_FIELDS.has(f) ? `{{ticket.${f}}}` : undefined
  }
  const root = group === 'OWNER' ? 'owner' : group === 'RESPONSIBLE' ? 'responsible' : 'customer'
  const f = PERSON_KEY_TO_FIELD[key]
  return f === undefined ? undefined : `{{${root}.${f}}}`
}

/**
 * Replaces Znuny/OTOBO tags with Ablauf placeholders; tags without an equivalent stay as written and
 * are listed in `unmapped`.
 *
 * @example
 * ```ts
 * tagsToPlaceholders('Room <OTOBO_TICKET_DynamicField_Room_Value>').text // 'Room {{ticket.DynamicField.Room}}'
 * ```
 */
export function tagsToPlaceholders(text: string): { text: string; unmapped: string[] } {
  const unmapped: string[] = []
  const out = text.replace(TAG_RE, (tag: string, group: string, key: string) => {
    const p = tagToPlaceholder(group, key)
    if (p === undefined) unmapped.push(tag)
    return p ?? tag
  })
  return { text: out, unmapped }
}

function placeholderToTag(path: readonly string[], prefix: string): string | undefined {
  const [root, first, second] = path
  if (root === 'ticket') {
    if (first === 'DynamicField' && second !== undefined) return `<${prefix}_TICKET_DynamicField_${second}>`
    if (first === undefined || !TICKET_FIELDS.has(first)) return undefined
    return `<${prefix}_TICKET_${TICKET_FIELD_TO_KEY[first] ?? first}>`
  }
  const key = first === undefined ? undefined : PERSON_FIELD_TO_KEY[first]
  if (key === undefined) return undefined
  if (root === 'customer') return `<${prefix}_CUSTOMER_DATA_${key}>`
  if (root === 'owner') return `<${prefix}_OWNER_${key}>`
  if (root === 'responsible') return `<${prefix}_RESPONSIBLE_${key}>`
  return undefined
}

/**
 * Replaces Ablauf placeholders with Znuny (`otrs`) or OTOBO (`otobo`) tags; placeholders without an
 * equivalent (e.g. `{{process.Name}}`) stay as written and are listed in `unmapped`.
 *
 * @example
 * ```ts
 * placeholdersToTags('Hi {{customer.FirstName}}', 'otobo').text // 'Hi <OTOBO_CUSTOMER_DATA_UserFirstname>'
 * ```
 */
export function placeholdersToTags(text: string, flavor: TagFlavor): { text: string; unmapped: string[] } {
  const prefix = flavor === 'otobo' ? 'OTOBO' : 'OTRS'
  const unmapped: string[] = []
  let out = ''
  let last = 0
  for (const p of parsePlaceholders(text)) {
    const tag = placeholderToTag(p.path, prefix)
    if (tag === undefined) unmapped.push(p.raw)
    out += text.slice(last, p.index) + (tag ?? p.raw)
    last = p.index + p.raw.length
  }
  return { text: out + text.slice(last), unmapped }
}
