import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Verifies GitHub's `X-Hub-Signature-256` (`sha256=` + hex HMAC-SHA256 of the raw body) in constant
 * time. A missing or malformed header is simply invalid.
 */
export function verifyWebhookSignature(secret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (header === undefined || !/^sha256=[0-9a-f]{64}$/.test(header)) return false
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`, 'utf8')
  const given = Buffer.from(header, 'utf8')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** Signs a body as GitHub does (for tests and tools that send webhooks). */
export function signWebhookBody(secret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`
}
