import type { Issue } from '@ablauf/sdk/errors'
import { definitionFromExports } from './definition-from-module.js'
import { createModuleSandbox, type EvaluationFailureDetails, type SandboxOptions } from './module-sandbox.js'

/**
 * What evaluating one process module gave, as plain data (it crosses over from the evaluation
 * worker): the raw definition, why the default export is no definition, or why evaluating failed.
 * Nothing is located in the sources yet. `parsed`: `raw` is a copy of a definition the host's sdk
 * parsed (it need not be parsed again).
 */
export type ModuleOutcome =
  | { ok: true; raw: unknown; parsed: boolean; loaded: string[] }
  | { ok: false; stage: 'export'; issue: 'MISSING_DEFAULT_EXPORT' | 'NOT_A_PROCESS' | 'EVAL_FAILED' | 'NOT_JSON'; message: string; loaded: string[] }
  | { ok: false; stage: 'export'; issue: 'DEFINITION_INVALID'; message: string; issues: Issue[]; loaded: string[] }
  | { ok: false; stage: 'evaluate'; message: string; details: EvaluationFailureDetails }

/** Evaluates process modules in one fresh sandbox and extracts the definition each exported. */
export function evaluateModules(files: readonly string[], options: SandboxOptions): Map<string, ModuleOutcome> {
  const out = new Map<string, ModuleOutcome>()
  for (const [file, outcome] of createModuleSandbox(options).evaluateAll(files)) {
    if (!outcome.ok) {
      out.set(file, { ok: false, stage: 'evaluate', message: outcome.error.message, details: { ...outcome.error.details } })
      continue
    }
    const extracted = definitionFromExports(outcome.exports)
    const loaded = outcome.loaded
    if (extracted.ok) out.set(file, { ok: true, raw: extracted.value, parsed: extracted.parsed, loaded })
    else if (extracted.issue === 'DEFINITION_INVALID') {
      // Only what the diagnostics use: issues made in the sandbox may carry anything else.
      const issues = extracted.issues.map((i) => ({ code: i.code, message: i.message, path: [...i.path], ...(i.severity ? { severity: i.severity } : {}) }))
      out.set(file, { ok: false, stage: 'export', issue: extracted.issue, message: extracted.message, issues, loaded })
    } else out.set(file, { ok: false, stage: 'export', issue: extracted.issue, message: extracted.message, loaded })
  }
  return out
}
