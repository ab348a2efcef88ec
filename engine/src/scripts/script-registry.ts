import { z } from 'zod'
import { AblaufError } from '@ablauf/sdk/errors'
import { fieldValueSchema, type JsonValue } from '@ablauf/sdk/definition'
import type { ValueSpec } from '@ablauf/sdk/target'
import { deepFreeze } from '../store/parsed-cache.js'
import { isBuiltInScript } from './built-in/built-in-scripts.js'
import { paramSpecs } from './param-specs.js'
import { fieldParam } from './ticket-field.js'
import type { AnyEngineScript, ScriptContext, ScriptUpdates } from './script-types.js'

/** A script as the target snapshot lists it. */
export interface ScriptDescription {
  name: string
  description: string
  params: Record<string, ValueSpec>
}

/** The engine's scripts by name: built-in and custom. */
export interface ScriptRegistry {
  get(name: string): AnyEngineScript | undefined
  names(): string[]
  /** Names, descriptions and parameter specs for `GET /api/v1/schema`. */
  describe(): ScriptDescription[]
  /**
   * Parses `params`, runs the script and checks what it returns. Every failure is an
   * `AblaufError('SCRIPT_FAILED')` whose message says which script and what went wrong.
   */
  run(name: string, params: Record<string, JsonValue>, ctx: ScriptContext): ScriptUpdates
}

const updatesSchema = z.record(fieldParam(), fieldValueSchema)

/** A registry over `scripts`; two scripts with one name are a configuration error. */
export function createScriptRegistry(scripts: readonly AnyEngineScript[]): ScriptRegistry {
  const byName = new Map<string, AnyEngineScript>()
  for (const script of scripts) {
    if (byName.has(script.name)) throw new AblaufError('CONFIG_INVALID', `two scripts are named "${script.name}"; script names must be unique`, { script: script.name })
    byName.set(script.name, script)
  }
  const descriptions = [...byName.values()].map((s) => ({ name: s.name, description: s.description, params: paramSpecs(s.params) }))
  // A deployed definition's params are one frozen object per activity: a built-in script parses them once,
  // not on every run. Custom scripts get a fresh parse each time, since they may change what they are given.
  const parsedParams = new WeakMap<object, unknown>()
  const parseParams = (script: AnyEngineScript, params: Record<string, JsonValue>): unknown => {
    const reusable = Object.isFrozen(params) && isBuiltInScript(script)
    if (reusable && parsedParams.has(params)) return parsedParams.get(params)
    const parsed = script.params.safeParse(params)
    if (!parsed.success) {
      throw new AblaufError('SCRIPT_FAILED', `invalid params for script "${script.name}": ${z.prettifyError(parsed.error)}`, { script: script.name, issues: parsed.error.issues })
    }
    if (!reusable) return parsed.data
    const shared = deepFreeze(parsed.data)
    parsedParams.set(params, shared)
    return shared
  }

  return {
    get: (name) => byName.get(name),
    names: () => [...byName.keys()],
    describe: () => descriptions,
    run(name, params, ctx) {
      const script = byName.get(name)
      if (script === undefined) throw new AblaufError('SCRIPT_FAILED', `script "${name}" is not registered in this engine`, { script: name })
      const parsed = parseParams(script, params)
      let output: unknown
      try {
        output = script.run(parsed, ctx)
      } catch (err) {
        throw new AblaufError('SCRIPT_FAILED', `script "${name}" failed: ${err instanceof Error ? err.message : String(err)}`, { script: name }, { cause: err })
      }
      const updates = updatesSchema.safeParse(output)
      if (!updates.success) {
        throw new AblaufError('SCRIPT_FAILED', `script "${name}" returned invalid field updates: ${z.prettifyError(updates.error)}`, { script: name })
      }
      return updates.data
    },
  }
}
