import { readFile } from 'node:fs/promises'
import { basename, dirname, resolve } from 'node:path'
import { parseDocument } from 'yaml'
import type { z } from 'zod'
import { AblaufError, type Issue } from '@ablauf/sdk/errors'
import { engineConfigSchema, type EngineConfig } from './config-schema.js'
import { parseEngineEnv, type EngineEnv } from './engine-env.js'

/** Formats one issue as `config.yaml: webServices.ERP.invokers.WarrantyLookup.method: expected one of …`. */
function line(file: string, issue: Issue): string {
  return `${file}: ${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`
}

function configIssues(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({
    code: 'CONFIG_INVALID',
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: i.code === 'invalid_value' ? `expected one of ${i.values.map(String).join(', ')}` : i.message,
  }))
}

/** Parses configuration text (YAML); throws CONFIG_INVALID listing every problem with its path. */
export function parseConfig(text: string, file = 'config.yaml'): EngineConfig {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true })
  if (doc.errors.length > 0) {
    const issues: Issue[] = doc.errors.map((e) => ({ code: 'YAML_INVALID', path: [], message: e.message }))
    throw new AblaufError('CONFIG_INVALID', issues.map((i) => line(file, i)).join('\n'), { file, issues })
  }
  const r = engineConfigSchema.safeParse(doc.toJS())
  if (r.success) return r.data
  const issues = configIssues(r.error)
  throw new AblaufError('CONFIG_INVALID', issues.map((i) => line(file, i)).join('\n'), { file, issues })
}

/** A loaded configuration: the file, its validated content (scriptsDir made absolute) and the env. */
export interface LoadedConfig {
  file: string
  config: EngineConfig
  env: EngineEnv
}

/** Reads and validates the engine's YAML configuration file and its environment variables. */
export async function loadConfig(path: string, env: Record<string, string | undefined>): Promise<LoadedConfig> {
  const parsedEnv = parseEngineEnv(env)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    throw new AblaufError('CONFIG_INVALID', `cannot read config file ${path}: ${(err as Error).message}`, { file: path }, { cause: err })
  }
  const config = parseConfig(text, basename(path))
  const scriptsDir = config.scriptsDir === undefined ? undefined : resolve(dirname(path), config.scriptsDir)
  return { file: path, config: { ...config, ...(scriptsDir === undefined ? {} : { scriptsDir }) }, env: parsedEnv }
}
