import { AblaufError } from '@ablauf/sdk/errors'

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** `30s`, `500ms`, `2m`, `1h` or plain seconds (`30`) → milliseconds. */
export function parseDuration(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(text)
  if (!m) throw new AblaufError('CONFIG_INVALID', `"${text}" is not a duration; write e.g. 30s, 500ms, 2m or 1h`)
  const ms = Number(m[1]) * UNITS[m[2] ?? 's']!
  if (ms <= 0) throw new AblaufError('CONFIG_INVALID', `the duration "${text}" must be more than zero`)
  return Math.round(ms)
}
