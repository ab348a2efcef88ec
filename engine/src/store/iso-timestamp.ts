import { AblaufError } from '@ablauf/sdk/errors'

/** Timestamps are compared as text, so every one is normalised to `Date#toISOString()`. */
export function iso(t: string): string {
  const d = new Date(t)
  if (Number.isNaN(d.getTime())) throw new AblaufError('BAD_REQUEST', `"${t}" is not a timestamp`)
  return d.toISOString()
}
