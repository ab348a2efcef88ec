import type { CommandModule } from './command-context.js'
import { compileCommand } from './compile-command.js'
import { diagramCommand } from './diagram-command.js'
import { exportCommand } from './export-command.js'
import { importCommand } from './import-command.js'
import { initCommand } from './init-command.js'
import { schemaCommand } from './schema-command.js'
import { planCommand } from './plan-command.js'
import { applyCommand } from './apply-command.js'
import { reconcileCommand } from './reconcile-command.js'
import { githubCommand } from './github-command.js'
import { engineCommand } from './engine-command.js'
import { devCommand } from './dev-command.js'

export type { CommandContext, CommandModule } from './command-context.js'

/** Every `ablauf` command, in help order; add a command file and one line here. */
export const COMMANDS: readonly CommandModule[] = [
  initCommand,
  schemaCommand,
  compileCommand,
  diagramCommand,
  planCommand,
  applyCommand,
  reconcileCommand,
  githubCommand,
  importCommand,
  exportCommand,
  engineCommand,
  devCommand,
]
