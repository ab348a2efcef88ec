import { AblaufError } from '@ablauf/sdk/errors'
import type { z } from 'zod'

/** The parsed options, or CONFIG_INVALID naming each bad flag. */
export function configError<T>(r: z.ZodSafeParseResult<T>): T {
  if (r.success) return r.data
  throw new AblaufError('CONFIG_INVALID', r.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '))
}
