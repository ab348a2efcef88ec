import type { CommandModule } from './command-context.js'

export type { CommandContext, CommandModule } from './command-context.js'

/** A command by name, loaded only when it runs (or for the overall help), so `compile` does not load express or octokit. */
export interface CommandEntry {
  name: string
  load(): Promise<CommandModule>
}

/** Every `ablauf` command, in help order; add a command file and one line here. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'init', load: async () => (await import('./init-command.js')).initCommand },
  { name: 'schema', load: async () => (await import('./schema-command.js')).schemaCommand },
  { name: 'compile', load: async () => (await import('./compile-command.js')).compileCommand },
  { name: 'diagram', load: async () => (await import('./diagram-command.js')).diagramCommand },
  { name: 'plan', load: async () => (await import('./plan-command.js')).planCommand },
  { name: 'apply', load: async () => (await import('./apply-command.js')).applyCommand },
  { name: 'reconcile', load: async () => (await import('./reconcile-command.js')).reconcileCommand },
  { name: 'github', load: async () => (await import('./github-command.js')).githubCommand },
  { name: 'import', load: async () => (await import('./import-command.js')).importCommand },
  { name: 'export', load: async () => (await import('./export-command.js')).exportCommand },
  { name: 'engine', load: async () => (await import('./engine-command.js')).engineCommand },
  { name: 'dev', load: async () => (await import('./dev-command.js')).devCommand },
]

/** The commands `argv` needs: the named one, or all of them (help, version, an unknown name). */
export async function loadCommands(argv: readonly string[]): Promise<CommandModule[]> {
  const name = argv.slice(2).find((a) => !a.startsWith('-'))
  const named = COMMANDS.filter((c) => c.name === name)
  return Promise.all((named.length > 0 ? named : COMMANDS).map((c) => c.load()))
}
