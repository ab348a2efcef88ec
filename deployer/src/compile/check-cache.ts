import type { ParseResult, ProcessDefinition } from '@ablauf/sdk'
import type { Issue } from '@ablauf/sdk/errors'
import type { TargetSnapshot } from '@ablauf/sdk/target'

/** What a process needs in the build: its content hash and canonical JSON. */
export interface BuildText {
  hash: string
  json: string
}

/** The checks of one raw definition: parsed, validated and, when valid, hashed. Plain data. */
export interface DefinitionCheck {
  parsed: ParseResult<ProcessDefinition>
  /** The semantic issues; none when it did not parse. */
  issues: Issue[]
  /** Present when it parsed and no issue is an error. */
  build?: BuildText
}

/**
 * Results of earlier checks, reused while the raw definition object, the target and the set of
 * processes (ids and sub-process references) stay the same: a watch rebuild re-validates only
 * what changed.
 */
export class CheckCache {
  target: TargetSnapshot | undefined
  setKey = ''
  readonly parsed = new WeakMap<object, ParseResult<ProcessDefinition>>()
  validated = new WeakMap<object, Issue[]>()
  readonly built = new WeakMap<object, BuildText>()

  /**
   * Records that `raw` is a copy of a definition the host's sdk parsed and froze (`isParsedDefinition`,
   * checked where it was produced): it is taken as parsed instead of being parsed a second time.
   */
  trustParsed(raw: unknown): void {
    if (typeof raw === 'object' && raw !== null) this.parsed.set(raw, { ok: true, value: raw as ProcessDefinition })
  }

  /** Takes over checks made elsewhere (in the evaluation worker) of `raws` against `target`. */
  seed(raws: readonly unknown[], checks: readonly DefinitionCheck[], target: TargetSnapshot | undefined): void {
    this.target = target
    this.validated = new WeakMap()
    raws.forEach((raw, i) => {
      const check = checks[i]
      if (typeof raw !== 'object' || raw === null || !check) return
      this.parsed.set(raw, check.parsed)
      if (check.parsed.ok) this.validated.set(raw, check.issues)
      if (check.parsed.ok && check.build) this.built.set(check.parsed.value, check.build)
    })
    this.setKey = setKeyOf(checks.flatMap((c) => (c.parsed.ok ? [c.parsed.value] : [])))
  }

  /** The checks of `raws` against `target` when every one is cached and still holds, else `undefined`. */
  lookup(raws: readonly unknown[], target: TargetSnapshot | undefined): DefinitionCheck[] | undefined {
    if (this.target !== target) return undefined
    const checks: DefinitionCheck[] = []
    for (const raw of raws) {
      const parsed = typeof raw === 'object' && raw !== null ? this.parsed.get(raw) : undefined
      if (!parsed) return undefined
      if (!parsed.ok) {
        checks.push({ parsed, issues: [] })
        continue
      }
      const issues = this.validated.get(raw as object)
      if (!issues) return undefined
      if (issues.some((i) => (i.severity ?? 'error') === 'error')) {
        checks.push({ parsed, issues })
        continue
      }
      const build = this.built.get(parsed.value)
      if (!build) return undefined
      checks.push({ parsed, issues, build })
    }
    const key = setKeyOf(checks.flatMap((c) => (c.parsed.ok ? [c.parsed.value] : [])))
    return key === this.setKey ? checks : undefined
  }
}

/** The ids of a set of processes and the sub-processes each calls: validation depends on these. */
export function setKeyOf(defs: readonly ProcessDefinition[]): string {
  return defs
    .map((d) => `${d.id}>${d.activities.flatMap((a) => (a.kind === 'subprocess' ? [a.process] : [])).join(',')}`)
    .sort()
    .join(' ')
}
