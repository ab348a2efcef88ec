import type { AnyEngineScript } from '../script-types.js'
import { classifyByKeywordsScript } from './classify-by-keywords-script.js'
import { computeDueDateScript } from './compute-due-date-script.js'
import { copyFieldScript } from './copy-field-script.js'
import { renderTemplateScript } from './render-template-script.js'

/** The scripts every engine offers, before the admin's custom scripts. */
export function builtInScripts(): AnyEngineScript[] {
  return [classifyByKeywordsScript, copyFieldScript, computeDueDateScript, renderTemplateScript] as AnyEngineScript[]
}
