import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createCompiler } from '@ablauf/deployer'
import { canonicalJson, contentHash, validateDefinitions, type ProcessDefinition } from '@ablauf/sdk'
import { matchStart } from '@ablauf/sdk/runtime'
import { createTicketSnapshot } from '@ablauf/sdk/testing'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadProcesses, PROCESSES_DIR, target } from './test-support/demo-target.js'

const DIR = fileURLToPath(PROCESSES_DIR)
const GOLDEN = join(DIR, '__golden__')
const HASHES = join(GOLDEN, 'hashes.json')
const UPDATE = process.env['UPDATE_GOLDEN'] === '1'

/** The golden text: the canonical JSON, pretty-printed so that reviews diff line by line. */
const goldenText = (definition: ProcessDefinition): string => `${JSON.stringify(JSON.parse(canonicalJson(definition)), null, 2)}\n`

let processes: Array<{ file: string; definition: ProcessDefinition }>
let definitions: ProcessDefinition[]
beforeAll(async () => {
  processes = await loadProcesses()
  definitions = processes.map((p) => p.definition)
})

describe('the process repository', () => {
  it('holds the expected processes, one per file named after its id', () => {
    expect(processes.map((p) => [p.file, p.definition.id])).toEqual([
      ['change-request.process.ts', 'change-request'],
      ['change-risk-assessment.process.ts', 'change-risk-assessment'],
      ['incident-triage.process.ts', 'incident-triage'],
      ['leave-request.process.ts', 'leave-request'],
    ])
  })

  it('validates against the target without a single issue (every activity and transition is described)', () => {
    expect(validateDefinitions(definitions, { target }).map((r) => [r.id, r.issues])).toEqual(definitions.map((d) => [d.id, []]))
  })

  it('routes each new ticket to the right process', () => {
    const startedBy = (ticket: Parameters<typeof createTicketSnapshot>[0]) => matchStart(definitions, createTicketSnapshot(ticket)).definition?.id
    expect(startedBy({ Title: 'Printer jam', Queue: 'Service Desk' })).toBe('incident-triage')
    expect(startedBy({ Title: 'New firewall rule', Queue: 'Change Management', Type: 'Change' })).toBe('change-request')
    // Started by hand (leave) or by another process (risk assessment) only.
    expect(startedBy({ Title: 'Leave request', Queue: 'HR' })).toBeUndefined()
    expect(startedBy({ Title: 'New desk', Queue: 'Facilities' })).toBeUndefined()
  })

  it('compiles to the committed golden JSON with stable content hashes (refresh with UPDATE_GOLDEN=1)', () => {
    const hashes = Object.fromEntries(definitions.map((d) => [d.id, contentHash(d)]))
    if (UPDATE) {
      rmSync(GOLDEN, { recursive: true, force: true })
      mkdirSync(GOLDEN)
      for (const d of definitions) writeFileSync(join(GOLDEN, `${d.id}.json`), goldenText(d))
      writeFileSync(HASHES, `${JSON.stringify(hashes, null, 2)}\n`)
    }
    expect(readdirSync(GOLDEN).sort()).toEqual([...definitions.map((d) => `${d.id}.json`), 'hashes.json'].sort())
    for (const d of definitions) {
      const golden = readFileSync(join(GOLDEN, `${d.id}.json`), 'utf8')
      expect(golden, `${d.id}.json`).toBe(goldenText(d))
      expect(contentHash(JSON.parse(golden) as ProcessDefinition), `hash of ${d.id}.json`).toBe(hashes[d.id])
    }
    expect(JSON.parse(readFileSync(HASHES, 'utf8'))).toEqual(hashes)
  })
})

describe('ablauf compile over the repository', () => {
  it('type-checks, evaluates and validates every process with no diagnostics and the golden hashes', async () => {
    const result = await createCompiler({ dir: DIR, cwd: DIR }).compile()
    expect(result.diagnostics).toEqual([])
    const hashes = JSON.parse(readFileSync(HASHES, 'utf8')) as Record<string, string>
    expect(Object.fromEntries(result.processes.map((p) => [p.id, p.hash]))).toEqual(hashes)
  })

  it('reports a name the target does not know as a type error at its line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ablauf-processes-typo-'))
    try {
      for (const f of ['incident-triage.process.ts', 'ablauf.target.json', 'ablauf-target.d.ts']) cpSync(join(DIR, f), join(dir, f))
      symlinkSync(fileURLToPath(new URL('../node_modules', PROCESSES_DIR)), join(dir, 'node_modules'))
      const file = join(dir, 'incident-triage.process.ts')
      const source = readFileSync(file, 'utf8')
      writeFileSync(file, source.replace("setQueue('Hardware')", "setQueue('Hardwear')").replace("invoker: 'WarrantyLookup'", "invoker: 'WarrantyCheck'"))
      const lineOf = (text: string) => source.split('\n').findIndex((l) => l.includes(text)) + 1

      const result = await createCompiler({ dir, cwd: dir }).compile()
      expect(result.processes).toEqual([])
      expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, d.line, d.code, d.message])).toEqual([
        ['incident-triage.process.ts', lineOf("invoker: 'WarrantyLookup'"), 'TS2322', `Type '"WarrantyCheck"' is not assignable to type '"WarrantyLookup"'.`],
        [
          'incident-triage.process.ts',
          lineOf("setQueue('Hardware')"),
          'TS2345',
          `Argument of type '"Hardwear"' is not assignable to parameter of type '"Change Management" | "Facilities" | "HR" | "Hardware" | "Misc" | "Service Desk" | "Software"'.`,
        ],
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
