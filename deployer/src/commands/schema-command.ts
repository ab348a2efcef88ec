import path from 'node:path'
import { existsSync, readFileSync } from 'node:fs'
import { AblaufError } from '@ablauf/sdk/errors'
import { generateTargetTypes } from '@ablauf/sdk/target'
import type { Command } from 'commander'
import { z } from 'zod'
import { TARGET_TYPES_FILE } from '../compile/process-project.js'
import { readTargetSnapshot, TARGET_SNAPSHOT_FILE } from '../compile/target-snapshot-file.js'
import { fetchTargetSnapshot } from '../schema/schema-client.js'
import { diffTargets } from '../schema/target-diff.js'
import { writeTargetFiles } from '../schema/target-files.js'
import type { CommandContext, CommandModule } from './command-context.js'
import { engineOptions } from './engine-options.js'

const flagsSchema = z.object({ engine: z.string().optional(), token: z.string().optional(), dir: z.string().min(1) })

function parseFlags(raw: unknown): z.infer<typeof flagsSchema> {
  const r = flagsSchema.safeParse(raw)
  if (!r.success) throw new AblaufError('CONFIG_INVALID', r.error.issues.map((i) => i.message).join('; '))
  return r.data
}

async function pull(raw: unknown, ctx: CommandContext): Promise<void> {
  const flags = parseFlags(raw)
  const engine = engineOptions(flags, ctx)
  const snapshot = await fetchTargetSnapshot({ engineUrl: engine.url, token: engine.token, fetch: ctx.fetch })
  const dir = path.resolve(ctx.cwd, flags.dir)
  const written = writeTargetFiles(dir, snapshot)
  const rel = (f: string): string => path.relative(ctx.cwd, f) || f
  ctx.output.out(`pulled target "${snapshot.name}" → ${rel(written.snapshotFile)}, ${rel(written.typesFile)}`)
  ctx.setExitCode(0)
}

async function verify(raw: unknown, ctx: CommandContext): Promise<void> {
  const flags = parseFlags(raw)
  const engine = engineOptions(flags, ctx)
  const dir = path.resolve(ctx.cwd, flags.dir)
  const committed = readTargetSnapshot(dir)
  if (committed.problems.length > 0) throw new AblaufError('TARGET_INVALID', committed.problems.map((p) => p.message).join('\n'))
  if (!committed.target) {
    throw new AblaufError('NOT_FOUND', `no ${TARGET_SNAPSHOT_FILE} in ${path.relative(ctx.cwd, dir) || '.'}; run \`ablauf schema pull\` first`)
  }
  const live = await fetchTargetSnapshot({ engineUrl: engine.url, token: engine.token, fetch: ctx.fetch })
  const lines = diffTargets(committed.target, live)
  const typesFile = path.join(dir, TARGET_TYPES_FILE)
  const types = existsSync(typesFile) ? readFileSync(typesFile, 'utf8') : undefined
  if (types !== generateTargetTypes(committed.target)) {
    lines.push(`~ ${TARGET_TYPES_FILE} does not match ${TARGET_SNAPSHOT_FILE}`)
  }
  if (lines.length === 0) {
    ctx.output.out(`target snapshot is up to date with ${engine.url}`)
    ctx.setExitCode(0)
    return
  }
  ctx.output.out(`the target at ${engine.url} differs from ${TARGET_SNAPSHOT_FILE} (run \`ablauf schema pull\` to update):`)
  for (const line of lines) ctx.output.out(line)
  ctx.setExitCode(1)
}

/** `ablauf schema pull|verify --engine URL [--token T] [--dir processes]` */
export const schemaCommand: CommandModule = {
  register(program: Command, ctx: CommandContext): void {
    const schema = program.command('schema').description('pull or verify the target snapshot and its generated types')
    const common = (cmd: Command): Command =>
      cmd
        .option('--engine <url>', 'engine URL (default: ABLAUF_ENGINE_URL)')
        .option('--token <token>', 'bearer token (default: ABLAUF_TOKEN)')
        .option('--dir <dir>', 'the process repository', 'processes')
    common(schema.command('pull').description(`write ${TARGET_SNAPSHOT_FILE} and ${TARGET_TYPES_FILE} from the engine`)).action((raw: unknown) =>
      pull(raw, ctx),
    )
    common(schema.command('verify').description('exit 1 when the live target differs from the committed snapshot')).action((raw: unknown) =>
      verify(raw, ctx),
    )
  },
}
