import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import ts from 'typescript'
import type { ProcessDefinition } from '@ablauf/sdk/definition'

/**
 * Transpiles a generated process module to JavaScript in a temp folder, imports it and returns its
 * definition — the check that a generated module compiles back to the definition it came from.
 */
export async function evaluateProcessModule(source: string): Promise<ProcessDefinition> {
  const dir = await mkdtemp(join(tmpdir(), 'ablauf-codegen-'))
  try {
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
      reportDiagnostics: true,
    })
    const errors = (js.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
    if (errors.length > 0) throw new Error(`generated module does not compile: ${errors.join('; ')}`)
    const file = join(dir, 'generated.process.mjs')
    await writeFile(file, js.outputText, 'utf8')
    const mod = (await import(pathToFileURL(file).href)) as { default?: { toDefinition(): ProcessDefinition } }
    if (!mod.default || typeof mod.default.toDefinition !== 'function') throw new Error('generated module has no process builder as default export')
    return mod.default.toDefinition()
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
