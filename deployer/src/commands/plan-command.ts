import path from 'node:path'
import type { ProcessDefinition } from '@ablauf/sdk/definition'
import type { Command } from 'commander'
import { z } from 'zod'
import { requireCompiled } from '../apply/index.js'
import { renderMermaid } from '../diagram/index.js'
import type { EngineClient } from '../engine-client/index.js'
import { hasChanges, planAgainstEngine, renderPlanJson, renderPlanMarkdown, renderPlanText, type Plan } from '../plan/index.js'
import { configError } from './gitops-options.js'
import type { CommandContext, CommandModule } from './command-context.js'
import { compileWith, engineFrom, reportError, type GitOpsPorts } from './gitops-command-support.js'

export const planOptionsSchema = z.strictObject({
  engine: z.string().optional(),
  token: z.string().optional(),
  dir: z.string().min(1).default('processes'),
  format: z.enum(['text', 'markdown', 'json']).default('text'),
})
export type PlanOptions = z.input<typeof planOptionsSchema>

/** Renders a plan in the chosen format. */
export function renderPlan(plan: Plan, format: 'text' | 'markdown' | 'json'): string {
  if (format === 'json') return renderPlanJson(plan)
  if (format === 'markdown') return renderPlanMarkdown(plan, { diagram: renderMermaid })
  return renderPlanText(plan)
}

/** Compiles `dir`, reads the engine and returns the plan (throws COMPILE_FAILED, ENGINE_UNAVAILABLE, …). */
export async function makePlan(
  options: { dir: string; engine?: string | undefined; token?: string | undefined },
  ctx: CommandContext,
  ports: GitOpsPorts,
): Promise<{ plan: Plan; definitions: ProcessDefinition[]; engine: EngineClient }> {
  const engine = engineFrom(options, ctx, ports)
  const compiled = requireCompiled(await compileWith(ctx, ports)(path.resolve(ctx.cwd, options.dir)))
  const definitions = compiled.processes.map((p) => p.definition)
  return { plan: await planAgainstEngine(engine, definitions), definitions, engine }
}

/**
 * `ablauf plan`: compile → read the engine → diff → render. Exit 0 without changes, 2 with changes,
 * 1 on error (DESIGN.md's CLI contract).
 */
export async function runPlan(raw: PlanOptions, ctx: CommandContext, ports: GitOpsPorts = {}): Promise<number> {
  try {
    const options = configError(planOptionsSchema.safeParse(raw))
    const { plan } = await makePlan(options, ctx, ports)
    ctx.output.out(renderPlan(plan, options.format).trimEnd())
    return hasChanges(plan) ? 2 : 0
  } catch (err) {
    return reportError(err, ctx)
  }
}

/** `ablauf plan --engine URL [--dir processes] [--format text|markdown|json]` */
export function createPlanCommand(ports: GitOpsPorts = {}): CommandModule {
  return {
    register(program: Command, ctx: CommandContext): void {
      program
        .command('plan')
        .description('show what apply would change on the engine (exit 0 no changes, 2 changes, 1 error)')
        .option('--engine <url>', 'the engine (or ABLAUF_ENGINE_URL)')
        .option('--token <token>', 'an API token with read scope (or ABLAUF_TOKEN)')
        .option('--dir <dir>', 'the process repository', 'processes')
        .option('--format <format>', 'text, markdown or json', 'text')
        .action(async (opts: PlanOptions) => ctx.setExitCode(await runPlan(opts, ctx, ports)))
    },
  }
}

export const planCommand: CommandModule = createPlanCommand()
