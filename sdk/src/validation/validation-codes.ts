/**
 * Every code a semantic check can report, each with one line on what it means. The codes are stable:
 * CI filters, editor integrations and tests rely on them. Schema problems found by `parseDefinition`
 * carry `SCHEMA_<zod code>` codes instead.
 *
 * @example
 * ```ts
 * VALIDATION_CODES.UNKNOWN_QUEUE // 'a queue that the target does not have'
 * ```
 */
export const VALIDATION_CODES = {
  /** A transition's `from`/`to` or the start names an activity that is not declared. */
  UNKNOWN_ACTIVITY: 'an activity id that is not declared',
  /** `start.dialog` is not a dialog of the start activity. */
  UNKNOWN_DIALOG: 'a start dialog that the start activity does not have',
  /** The start activity cannot start a process (an end; a manual start at a task without dialogs). */
  START_NOT_ALLOWED: 'the process cannot start at this activity',
  /** Two activities, transitions, dialogs of one activity, or processes of one set share an id. */
  DUPLICATE_ID: 'an id that is already used',
  /** No path of transitions leads from the start to the activity. */
  UNREACHABLE_ACTIVITY: 'an activity that no path from the start reaches',
  /** An activity that is not an end has no way out (no outgoing, non-error transition). */
  DEAD_END: 'an activity without a way out',
  /** No end activity can be reached from the start: the process never completes. */
  NO_REACHABLE_END: 'no end activity is reachable',
  /** An end activity has outgoing transitions, which never run. */
  END_HAS_TRANSITIONS: 'a transition out of an end activity',
  /** `on: "error"` leaves an activity that cannot fail (only service and script tasks can). */
  ERROR_PATH_NOT_ALLOWED: 'an error path from an activity that cannot fail',
  /** A hidden dialog field has no default, so it sets nothing. */
  HIDDEN_WITHOUT_DEFAULT: 'a hidden field without a default value',
  /** A customer-only dialog requires a field customers never see (Znuny skips it for customers). */
  HIDDEN_REQUIRED: 'a required field the dialog hides from its users',
  /** A dialog lists the same field twice. */
  DUPLICATE_FIELD: 'a field listed twice in one dialog',
  /** A condition's regular expression does not compile. */
  REGEX_INVALID: 'a regular expression that does not compile',
  /** A placeholder `{{…}}` is malformed or names an unknown root or field. */
  PLACEHOLDER_INVALID: 'a malformed placeholder',
  /** A placeholder names a dynamic field the target does not have. */
  UNKNOWN_FIELD: 'a placeholder naming an unknown dynamic field',
  /** Sub-processes start each other in a circle (A → B → A). */
  SUBPROCESS_CYCLE: 'sub-processes that start each other in a circle',
  /** A sub-process names a process that is not in the deployed set. */
  UNKNOWN_PROCESS: 'a sub-process naming an unknown process',
  /** A condition compares a field with a value of the wrong type. */
  CONDITION_TYPE: 'a condition value of the wrong type for its field',
  /** A value set on a field (action or dialog default) has the wrong type for the field. */
  WRONG_VALUE_TYPE: 'a field value of the wrong type',
  /** A queue that the target does not have. */
  UNKNOWN_QUEUE: 'a queue that the target does not have',
  /** A state that the target does not have. */
  UNKNOWN_STATE: 'a state that the target does not have',
  /** A priority that the target does not have. */
  UNKNOWN_PRIORITY: 'a priority that the target does not have',
  /** A ticket type that the target does not have. */
  UNKNOWN_TYPE: 'a ticket type that the target does not have',
  /** A service that the target does not have. */
  UNKNOWN_SERVICE: 'a service that the target does not have',
  /** An SLA that the target does not have. */
  UNKNOWN_SLA: 'an SLA that the target does not have',
  /** An agent login that the target does not have. */
  UNKNOWN_USER: 'an agent that the target does not have',
  /** A role (dialog permission) that the target does not have. */
  UNKNOWN_ROLE: 'a role that the target does not have',
  /** A dynamic field that the target does not have. */
  UNKNOWN_DYNAMIC_FIELD: 'a dynamic field that the target does not have',
  /** A value that the field does not allow (Dropdown / Multiselect values, lock states). */
  UNKNOWN_FIELD_VALUE: 'a value the field does not allow',
  /** A web service that the target does not have. */
  UNKNOWN_WEB_SERVICE: 'a web service that the target does not have',
  /** An invoker that the web service does not have. */
  UNKNOWN_INVOKER: 'an invoker that the web service does not have',
  /** A service task's request path that is not body.*, query.*, headers.* or path.*. */
  SERVICE_INPUT_PATH: 'a request path the engine cannot send',
  /** A required input of the invoker that the service task does not map. */
  MISSING_SERVICE_INPUT: 'a required invoker input is not mapped',
  /** A literal request value outside the invoker's allowed values. */
  SERVICE_INPUT_VALUE: 'a request value the invoker does not allow',
  /** Warning: a request value (body, query or path) the invoker does not declare. */
  UNKNOWN_SERVICE_INPUT: 'a request value the invoker does not declare',
  /** Warning: the invoker may answer values that the Dropdown / Multiselect field written lacks. */
  SERVICE_OUTPUT_VALUES: 'an answer the field written cannot take',
  /** A script that the target does not have. */
  UNKNOWN_SCRIPT: 'a script that the target does not have',
  /** A parameter that the script does not declare. */
  UNKNOWN_SCRIPT_PARAM: 'a parameter the script does not declare',
  /** A required script parameter is missing. */
  MISSING_SCRIPT_PARAM: 'a required script parameter is missing',
  /** A script parameter has the wrong type or a value outside its allowed values. */
  SCRIPT_PARAM_TYPE: 'a script parameter of the wrong type',
  /** An e-mail template that the target does not have. */
  UNKNOWN_TEMPLATE: 'an e-mail template that the target does not have',
  /** A customer user that the target does not have (checked only when the target lists customer users). */
  UNKNOWN_CUSTOMER_USER: 'a customer user that the target does not have',
  /** Warning: an activity or transition without a description (the seed's best practice). */
  MISSING_DESCRIPTION: 'an activity or transition without a description',
  /** Warning: a service task without an `on: "error"` transition; a failure becomes an incident. */
  NO_ERROR_PATH: 'a service task without an error path',
  /** The check itself could not finish (for example input nested too deeply). */
  CHECK_FAILED: 'the check could not finish',
} as const

/**
 * A stable code of a semantic validation issue.
 *
 * @example
 * ```ts
 * const blocking: ValidationCode[] = ['UNKNOWN_QUEUE', 'SUBPROCESS_CYCLE']
 * ```
 */
export type ValidationCode = keyof typeof VALIDATION_CODES
