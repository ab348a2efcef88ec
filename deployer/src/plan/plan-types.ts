import type { ActivityKind, ProcessDefinition, ProcessState } from '@ablauf/sdk/definition'

/** What the engine runs for one process: its active version and that version's definition. */
export interface DeployedProcess {
  id: string
  state: ProcessState
  /** The version new instances take; null when never activated. */
  version: number | null
  hash: string | null
  /** The active version's definition; only needed (and fetched) when the desired hash differs. */
  definition: ProcessDefinition | null
}

/** A process as the compiler produced it. */
export interface DesiredProcess {
  definition: ProcessDefinition
  hash: string
}

/** Running tickets of one process on one version, grouped by the activity they sit in. */
export interface RunningOnVersion {
  /** The version as the engine names it on instances (a number or a content hash). */
  version: string
  count: number
  activities: { activity: string; count: number }[]
}

/** Running tickets of one process, per version; they stay on the version they started on. */
export interface RunningInstances {
  total: number
  versions: RunningOnVersion[]
}

/** What changed about one part of a process. `properties` names the changed keys. */
export type ChangeKind = 'added' | 'removed' | 'changed'

/** One semantic change between two versions of a process. */
export type SemanticChange =
  | { subject: 'process'; change: 'changed'; properties: string[] }
  | { subject: 'activity'; change: ChangeKind; activity: string; kind: ActivityKind; properties: string[] }
  | { subject: 'dialog'; change: ChangeKind; activity: string; dialog: string; properties: string[] }
  | { subject: 'dialog-field'; change: ChangeKind; activity: string; dialog: string; field: string; properties: string[] }
  | { subject: 'transition'; change: ChangeKind; transition: string; from: string; to: string; properties: string[] }
  | { subject: 'condition'; change: ChangeKind; transition: string }
  | { subject: 'action'; change: ChangeKind; transition: string; position: number; type: string; properties: string[] }

/** One step of a plan, per process (drizzle-kit's JSON statements, Pulumi's OpType). */
export type PlanStep =
  | { op: 'create'; processId: string; name: string; hash: string; after: ProcessDefinition }
  | {
      op: 'update'
      processId: string
      name: string
      fromVersion: number | null
      fromHash: string | null
      hash: string
      changes: SemanticChange[]
      before: ProcessDefinition | null
      after: ProcessDefinition
      running: RunningInstances
    }
  | { op: 'unchanged'; processId: string; name: string; version: number | null; hash: string }
  | { op: 'fade-away'; processId: string; version: number | null; hash: string | null; running: RunningInstances }

export type PlanOp = PlanStep['op']

/** Counts for the summary line. */
export interface PlanSummary {
  create: number
  update: number
  unchanged: number
  fadeAway: number
  /** Running tickets of updated and faded-away processes: they stay on their old versions. */
  runningOnOldVersions: number
}

/** A plan: plain data, rendered separately as text, Markdown or JSON. */
export interface Plan {
  /** The latest deployment id the plan was made against (sent as `basedOn` by apply). */
  basedOn: string | null
  steps: PlanStep[]
  summary: PlanSummary
}

/** True when applying the plan would change what the engine runs. */
export function hasChanges(plan: Plan): boolean {
  return plan.summary.create + plan.summary.update + plan.summary.fadeAway > 0
}

export const NO_RUNNING: RunningInstances = Object.freeze({ total: 0, versions: [] }) as RunningInstances
