import type { AnyEngineScript } from '../script-types.js'
import { classifyByKeywordsScript } from './classify-by-keywords-script.js'
import { computeDueDateScript } from './compute-due-date-script.js'
import { copyFieldScript } from './copy-field-script.js'
import { renderTemplateScript } from './render-template-script.js'

const BUILT_IN = [classifyByKeywordsScript, copyFieldScript, computeDueDateScript, renderTemplateScript] as AnyEngineScript[]
const builtIn = new WeakSet<AnyEngineScript>(BUILT_IN)

/** The scripts every engine offers, before the admin's custom scripts. */
export function builtInScripts(): AnyEngineScript[] {
  return [...BUILT_IN]
}

/** Whether `script` is one of ours: it only reads its params, so their parsed form may be shared between runs. */
export function isBuiltInScript(script: AnyEngineScript): boolean {
  return builtIn.has(script)
}
