import { AblaufError } from '@ablauf/sdk/errors'

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 }

/** Bytes of a size as the config writes it (`512kb`, `1mb`, `100b`). */
export function parseSize(size: string): number {
  const m = /^(\d+)(b|kb|mb)$/i.exec(size.trim())
  const unit = m?.[2] === undefined ? undefined : UNITS[m[2].toLowerCase()]
  if (m?.[1] === undefined || unit === undefined) throw new AblaufError('CONFIG_INVALID', `"${size}" is not a size such as "1mb" or "512kb"`)
  return Number(m[1]) * unit
}

/** A size for messages: `64 MB`, `512 KB`, `100 B`. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`
  return `${bytes} B`
}
