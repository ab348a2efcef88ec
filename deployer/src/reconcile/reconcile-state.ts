import { existsSync } from 'node:fs'
import { readFile, rename, writeFile } from 'node:fs/promises'
import { z } from 'zod'

/** The outcome of one reconcile run. */
export const RECONCILE_RESULTS = [
  'deployed',
  'unchanged',
  'in-sync',
  'compile-failed',
  'skipped-failed',
  'drift',
  'healed',
  'engine-unavailable',
  'error',
] as const
export type ReconcileResult = (typeof RECONCILE_RESULTS)[number]

const recordSchema = z.object({
  commit: z.string().nullable(),
  result: z.enum(RECONCILE_RESULTS),
  at: z.string(),
  durationMs: z.number(),
  deploymentId: z.string().optional(),
  message: z.string().optional(),
})
/** One reconcile run, as recorded in memory and in the state file. */
export type ReconcileRecord = z.infer<typeof recordSchema>

const stateSchema = z.object({
  version: z.literal(1),
  lastApplied: z
    .object({ commit: z.string(), deploymentId: z.string().nullable(), hashes: z.record(z.string(), z.string()), at: z.string() })
    .nullable(),
  lastFailed: z.object({ commit: z.string(), code: z.string(), message: z.string(), at: z.string() }).nullable(),
  history: z.array(recordSchema),
})
/** What the reconciler remembers across restarts. */
export type ReconcileState = z.infer<typeof stateSchema>

export const EMPTY_STATE: ReconcileState = { version: 1, lastApplied: null, lastFailed: null, history: [] }
const HISTORY_LIMIT = 50

/** Reads the state file; a missing or unreadable file starts fresh (the engine stays the source of truth). */
export async function loadReconcileState(file: string): Promise<ReconcileState> {
  if (!existsSync(file)) return structuredClone(EMPTY_STATE)
  try {
    return stateSchema.parse(JSON.parse(await readFile(file, 'utf8')))
  } catch {
    return structuredClone(EMPTY_STATE)
  }
}

/** Writes the state file atomically (temp file + rename). */
export async function saveReconcileState(file: string, state: ReconcileState): Promise<void> {
  const trimmed = { ...state, history: state.history.slice(-HISTORY_LIMIT) }
  const tmp = `${file}.${process.pid}.tmp`
  await writeFile(tmp, `${JSON.stringify(trimmed, null, 2)}\n`)
  await rename(tmp, file)
}
