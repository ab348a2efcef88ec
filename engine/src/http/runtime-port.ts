import type { FieldValue } from '@ablauf/sdk/definition'
import type { Actor, ProcessInstance } from '@ablauf/sdk/runtime'
import type { Ticket, UserTaskRow } from '../store/store-rows.js'

/** What a submitted dialog carries besides field values. */
export interface DialogSubmission {
  /** The dialog of the task's activity that was filled in. */
  dialog: string
  /** Field values by Znuny field name (`Title`, `DynamicField_Category`, …). */
  values: Record<string, FieldValue>
  /** An article written with the dialog (the `Article` field). */
  article?: { subject: string; body: string }
}

/** Checks that the caller may submit to `task` (e.g. the HTTP API's visibility rules); throws if not. */
export type SubmitAuthorizer = (task: UserTaskRow | undefined, ticket: Ticket | undefined) => void

/**
 * The process runtime as the HTTP API sees it; the runtime implements it. Each call runs its own
 * store transaction(s) and throws an `AblaufError` (`NOT_FOUND`, `WRONG_ACTIVITY`,
 * `REQUIRED_FIELD_MISSING`, `CONFLICT`, …) when it changes nothing.
 */
export interface ProcessRuntime {
  /** A ticket was created (already committed): start the matching process, if any. */
  ticketCreated(ticketId: string, actor: Actor): Promise<void>
  /** A ticket's fields changed (already committed): re-evaluate its waiting instances. */
  ticketUpdated(ticketId: string, actor: Actor): Promise<void>
  /**
   * Submits a dialog of an open user task; returns the instance after the step. `authorize` runs first,
   * in the same transaction, with the task and its ticket as stored (either may be missing): what it
   * throws is the answer, and nothing changes.
   */
  submitDialog(taskId: string, submission: DialogSubmission, actor: Actor, authorize?: SubmitAuthorizer): Promise<ProcessInstance>
  /** Retries an instance stuck in an incident; returns the instance after the step. */
  retry(instanceId: string, actor: Actor): Promise<ProcessInstance>
}
