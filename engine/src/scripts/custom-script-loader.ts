import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { z } from 'zod'
import { AblaufError } from '@ablauf/sdk/errors'
import type { AnyEngineScript } from './script-types.js'
import { fieldParam, fieldValueParam, templateParam } from './ticket-field.js'

/**
 * What a custom script module may use without resolving packages itself: the engine's zod, and the
 * parameter kinds a deployment checks against the target (a field name, a value written to a named
 * field, a template with placeholders).
 */
export interface ScriptModuleTools {
  z: typeof z
  fieldParam: typeof fieldParam
  fieldValueParam: typeof fieldValueParam
  templateParam: typeof templateParam
}

const TOOLS: ScriptModuleTools = { z, fieldParam, fieldValueParam, templateParam }

/** A zod schema, recognised by shape so that a module's own copy of zod works too. */
const zodSchema = z.custom<z.ZodType>(
  (v) => typeof v === 'object' && v !== null && '_zod' in v && typeof (v as { safeParse?: unknown }).safeParse === 'function',
  { message: 'params must be a zod schema' },
)

const scriptExportSchema = z.object({
  name: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a kebab-case name such as "assign-region"'),
  description: z.string().min(1),
  params: zodSchema,
  run: z.custom<AnyEngineScript['run']>((v) => typeof v === 'function', { message: 'run must be a function' }),
})

/**
 * Loads the admin's trusted custom scripts: every `*.js` / `*.mjs` file of `dir`, as an ES module whose
 * default export is a script `{ name, description, params, run }` — or a function of `{ z }` that
 * returns one (so the module needs no `zod` of its own). A broken module is a `CONFIG_INVALID` error
 * that names the file.
 *
 * @example
 * ```js
 * // scripts/assign-region.mjs
 * export default ({ z }) => ({ name: 'assign-region', description: 'Region from the customer id',
 *   params: z.object({ field: z.string() }), run: (p, { ticket }) => ({ [p.field]: ticket.CustomerID?.slice(0, 2) ?? null }) })
 * ```
 */
export async function loadCustomScripts(dir: string): Promise<AnyEngineScript[]> {
  let files: string[]
  try {
    files = (await readdir(dir)).filter((f) => /\.m?js$/.test(f)).sort()
  } catch (err) {
    throw new AblaufError('CONFIG_INVALID', `cannot read the scripts folder ${dir}: ${message(err)}`, { dir }, { cause: err })
  }
  const scripts: AnyEngineScript[] = []
  for (const file of files) scripts.push(await loadScriptModule(join(dir, file)))
  return scripts
}

/** Loads and checks one custom script module. */
export async function loadScriptModule(file: string): Promise<AnyEngineScript> {
  let mod: { default?: unknown }
  try {
    mod = (await import(pathToFileURL(file).href)) as { default?: unknown }
  } catch (err) {
    throw new AblaufError('CONFIG_INVALID', `custom script ${file} cannot be loaded: ${message(err)}`, { file }, { cause: err })
  }
  let exported = mod.default
  if (typeof exported === 'function') {
    try {
      exported = (exported as (tools: ScriptModuleTools) => unknown)(TOOLS)
    } catch (err) {
      throw new AblaufError('CONFIG_INVALID', `custom script ${file}: its default export threw: ${message(err)}`, { file }, { cause: err })
    }
  }
  const parsed = scriptExportSchema.safeParse(exported)
  if (!parsed.success) {
    throw new AblaufError(
      'CONFIG_INVALID',
      `custom script ${file} must export default { name, description, params (zod), run }: ${z.prettifyError(parsed.error)}`,
      { file, issues: parsed.error.issues },
    )
  }
  const { name, description, params, run } = parsed.data
  return Object.freeze({ name, description, params, run })
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
