import { canonicalJson } from '@ablauf/sdk'
import type { TargetSnapshot } from '@ablauf/sdk/target'

/** The named lists of a target and how one entry is called in a diff line. */
const COLLECTIONS = [
  ['queues', 'queue'],
  ['states', 'state'],
  ['priorities', 'priority'],
  ['types', 'type'],
  ['services', 'service'],
  ['slas', 'SLA'],
  ['users', 'user'],
  ['customerUsers', 'customer user'],
  ['roles', 'role'],
  ['dynamicFields', 'dynamic field'],
  ['webServices', 'web service'],
  ['scripts', 'script'],
  ['emailTemplates', 'e-mail template'],
] as const satisfies readonly (readonly [keyof TargetSnapshot, string])[]

const SINGULAR: Record<string, string> = { values: 'value', queues: 'queue', roles: 'role', services: 'service', invokers: 'invoker' }

type Entry = Record<string, unknown>

function keyOf(entry: Entry): string {
  return String(entry['name'] ?? entry['login'] ?? canonicalJson(entry))
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null)
}

function show(v: unknown): string {
  return typeof v === 'string' ? `"${v}"` : v === undefined ? '(none)' : canonicalJson(v)
}

function isRecord(v: unknown): v is Entry {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function diffNamed(label: string, prefix: string, before: readonly Entry[], after: readonly Entry[]): string[] {
  const a = new Map(before.map((e) => [keyOf(e), e]))
  const b = new Map(after.map((e) => [keyOf(e), e]))
  const lines: string[] = []
  for (const [k] of a) if (!b.has(k)) lines.push(`- ${prefix}${label} "${k}"`)
  for (const [k] of b) if (!a.has(k)) lines.push(`+ ${prefix}${label} "${k}"`)
  for (const [k, ea] of a) {
    const eb = b.get(k)
    if (eb && !same(ea, eb)) lines.push(...diffEntry(`${prefix}${label} ${k}`, ea, eb))
  }
  return lines
}

function diffEntry(where: string, a: Entry, b: Entry): string[] {
  const lines: string[] = []
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const va = a[key]
    const vb = b[key]
    if (same(va, vb)) continue
    const one = SINGULAR[key] ?? key
    if (key === 'invokers' && Array.isArray(va) && Array.isArray(vb)) {
      const ia = new Map((va as Entry[]).map((e) => [keyOf(e), e]))
      const ib = new Map((vb as Entry[]).map((e) => [keyOf(e), e]))
      for (const [k] of ia) if (!ib.has(k)) lines.push(`~ ${where}: invoker "${k}" removed`)
      for (const [k] of ib) if (!ia.has(k)) lines.push(`~ ${where}: invoker "${k}" added`)
      for (const [k, e] of ia) {
        const other = ib.get(k)
        if (other && !same(e, other)) lines.push(...diffEntry(`${where}: invoker ${k}`, e, other))
      }
    } else if (Array.isArray(va) && Array.isArray(vb) && [...va, ...vb].every((v) => typeof v === 'string')) {
      for (const v of va) if (!vb.includes(v)) lines.push(`~ ${where}: ${one} "${String(v)}" removed`)
      for (const v of vb) if (!va.includes(v)) lines.push(`~ ${where}: ${one} "${String(v)}" added`)
    } else if (isRecord(va) && isRecord(vb)) {
      for (const k of [...new Set([...Object.keys(va), ...Object.keys(vb)])].sort()) {
        if (!(k in vb)) lines.push(`~ ${where}: ${key} "${k}" removed`)
        else if (!(k in va)) lines.push(`~ ${where}: ${key} "${k}" added`)
        else if (!same(va[k], vb[k])) lines.push(`~ ${where}: ${key} "${k}" ${show(va[k])} → ${show(vb[k])}`)
      }
    } else {
      lines.push(`~ ${where}: ${key} ${show(va)} → ${show(vb)}`)
    }
  }
  return lines
}

/**
 * What changed from the committed snapshot to the live target, one line each:
 * `- queue "Hardware"`, `+ queue "Hardware EU"`, `~ dynamic field Category: value "network" removed`.
 * Empty when they agree (the snapshot's label `name` is not compared).
 */
export function diffTargets(committed: TargetSnapshot, live: TargetSnapshot): string[] {
  const lines: string[] = []
  for (const [key, label] of COLLECTIONS) {
    lines.push(...diffNamed(label, '', committed[key] as unknown as Entry[], live[key] as unknown as Entry[]))
  }
  return lines
}
