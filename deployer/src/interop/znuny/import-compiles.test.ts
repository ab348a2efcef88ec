import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentHash } from '@ablauf/sdk'
import type { ProcessDefinition } from '@ablauf/sdk/definition'
import { TARGET_API_VERSION, targetSnapshotSchema, type StateType, type TargetSnapshotInput } from '@ablauf/sdk/target'
import { createCompiler } from '../../compile/index.js'
import type { CompileResult } from '../../compile/index.js'
import { ZNUNY_FIXTURE_DIR, znunyFixtures } from '../fixtures/znuny-fixtures.js'
import { importProcessFile } from '../import-process-file.js'
import { missingPrerequisites } from '../prerequisites/check-prerequisites.js'
import { importZnunyYaml } from './import-znuny.js'

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url))
const FIXTURES = znunyFixtures()

const NOTHING: TargetSnapshotInput = { apiVersion: TARGET_API_VERSION, queues: [], states: [], priorities: [], types: [], users: [], roles: [], dynamicFields: [] }

function stateType(name: string): StateType {
  const n = name.toLowerCase()
  if (n.startsWith('pending auto')) return 'pending auto'
  if (n.startsWith('pending')) return 'pending reminder'
  if (n.startsWith('closed')) return 'closed'
  return n === 'new' ? 'new' : 'open'
}

/**
 * A target with exactly what the imported processes refer to. Znuny process exports carry no dynamic
 * field configuration (no types, no Dropdown values), so every dynamic field is Text.
 */
function targetFor(definitions: readonly ProcessDefinition[]): TargetSnapshotInput {
  const empty = targetSnapshotSchema.parse(NOTHING)
  const names = (pick: (m: ReturnType<typeof missingPrerequisites>) => string[]) =>
    [...new Set(definitions.flatMap((d) => pick(missingPrerequisites(d, empty))))].sort()
  return {
    ...NOTHING,
    name: 'znuny-fixtures',
    queues: names((m) => m.queues).map((name) => ({ name })),
    states: names((m) => m.states).map((name) => ({ name, type: stateType(name) })),
    priorities: names((m) => m.priorities).map((name) => ({ name })),
    types: names((m) => m.types).map((name) => ({ name })),
    services: names((m) => m.services).map((name) => ({ name })),
    slas: names((m) => m.slas).map((name) => ({ name })),
    users: names((m) => m.users).map((login) => ({ login })),
    roles: names((m) => m.roles).map((name) => ({ name })),
    dynamicFields: names((m) => m.dynamicFields).map((name) => ({ name, type: 'Text' as const })),
  }
}

interface Imported {
  result: CompileResult
  /** The importer's definition by fixture name. */
  definitions: Map<string, ProcessDefinition>
  dir: string
}

/** Imports every fixture into a fresh process repository with `ablauf import`'s code, then compiles it for real. */
async function importAndCompile(target: TargetSnapshotInput | undefined): Promise<Imported> {
  const dir = await mkdtemp(join(tmpdir(), 'ablauf-znuny-compile-'))
  await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
  if (target !== undefined) await writeFile(join(dir, 'ablauf.target.json'), JSON.stringify(target))
  const definitions = new Map<string, ProcessDefinition>()
  for (const { name } of FIXTURES) {
    const r = await importProcessFile({ file: join(ZNUNY_FIXTURE_DIR, name), dir, out: join(dir, `${basename(name, '.yml')}.process.ts`) })
    definitions.set(name, r.definition)
  }
  return { result: await createCompiler({ dir, cwd: dir }).compile(), definitions, dir }
}

describe.each([
  ['without a target snapshot', () => undefined],
  ['against a target with every referenced queue, state, user and field', () => targetFor(FIXTURES.map((f) => importZnunyYaml(f.text).definition))],
])('every Znuny fixture, imported, compiles with the real compiler %s', (_, target) => {
  let imported: Imported
  beforeAll(async () => {
    imported = await importAndCompile(target())
  })
  afterAll(() => rm(imported.dir, { recursive: true, force: true }))

  it('has no errors (warnings allowed)', () => {
    const errors = imported.result.diagnostics.filter((d) => d.severity === 'error')
    expect(errors.map((d) => `${d.file}:${d.line}:${d.col} ${d.code}: ${d.message}`)).toEqual([])
    expect(imported.result.processes).toHaveLength(FIXTURES.length)
  })

  it.each(FIXTURES.map((f) => f.name))('%s compiles to the importer\'s definition, same content hash', (name) => {
    const def = imported.definitions.get(name) as ProcessDefinition
    const compiled = imported.result.processes.find((p) => p.source === `${basename(name, '.yml')}.process.ts`)
    expect(compiled?.id).toBe(def.id)
    expect(compiled?.definition).toEqual(def)
    expect(compiled?.hash).toBe(contentHash(def))
  })
})

describe('the target snapshot built from the fixtures', () => {
  it('is checked: a compile without one of its queues fails with UNKNOWN_QUEUE', async () => {
    const target = targetFor(FIXTURES.map((f) => importZnunyYaml(f.text).definition))
    expect(target.queues.length).toBeGreaterThan(0)
    expect(target.dynamicFields.length).toBeGreaterThan(0)
    const dropped = target.queues[0]?.name as string
    const imported = await importAndCompile(target)
    try {
      await writeFile(join(imported.dir, 'ablauf.target.json'), JSON.stringify({ ...target, queues: target.queues.slice(1) }))
      const again = await createCompiler({ dir: imported.dir, cwd: imported.dir }).compile()
      const unknown = again.diagnostics.filter((d) => d.severity === 'error')
      expect(unknown.length).toBeGreaterThan(0)
      expect(unknown.every((d) => d.code === 'UNKNOWN_QUEUE' && d.message.includes(`"${dropped}"`))).toBe(true)
    } finally {
      await rm(imported.dir, { recursive: true, force: true })
    }
  })
})
