import type { ScriptStub } from '@ablauf/sdk/testing'
import type { ScriptRegistry } from './script-registry.js'

/**
 * The engine's registered scripts as `simulate()` stubs, so process unit tests run the real scripts
 * (built-in or custom) offline instead of hand-written stand-ins.
 *
 * @example
 * ```ts
 * const scripts = scriptStubs(createScriptRegistry(builtInScripts()))
 * simulate(incidentTriage, { ticket, scripts, services })
 * ```
 */
export function scriptStubs(registry: ScriptRegistry): Record<string, ScriptStub> {
  const stubs: Record<string, ScriptStub> = {}
  for (const name of registry.names()) {
    stubs[name] = ({ params, ticket, now }) => registry.run(name, params, { ticket, now })
  }
  return stubs
}
