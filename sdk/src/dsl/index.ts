export { defineProcess, isProcessBuilder } from './process-builder.js'
export type { ProcessBuilder, ProcessOptions, StartOptions, TransitionOptions } from './process-builder.js'
export { PROCESS_BUILDER } from './process-builder-impl.js'
export type {
  ActivityOptions,
  BackoffInput,
  DialogFieldOptions,
  DialogFields,
  DialogOptions,
  ScriptActivityOptions,
  ServiceActivityOptions,
  ServiceInput,
  SubprocessActivityOptions,
  UserActivityOptions,
} from './activity-options.js'
export { field, all, any, one, not } from './condition-builder.js'
export type { FieldTest } from './condition-builder.js'
export {
  setQueue,
  setState,
  setPriority,
  setOwner,
  setResponsible,
  setTitle,
  setType,
  setService,
  setSLA,
  setLock,
  setCustomer,
} from './ticket-actions.js'
export type { SetStateOptions, SetCustomerOptions } from './ticket-actions.js'
export { setDynamicField, incrementDynamicField, removeDynamicField } from './dynamic-field-actions.js'
export { addArticle, sendEmail } from './message-actions.js'
export type { ArticleInput, SendEmailOptions } from './message-actions.js'
export { createTicket, addLink } from './ticket-link-actions.js'
export type { CreateTicketOptions, AddLinkOptions } from './ticket-link-actions.js'
export type { ActionMeta, ActionOf } from './action-meta.js'
export type { FieldRef, FieldScalar, FieldValueOf, DynamicFieldValue, DateInput } from './field-types.js'
export type {
  Register,
  RegisteredTarget,
  TargetTypes,
  AnyTarget,
  DynamicFieldTypes,
  QueueName,
  StateName,
  PriorityName,
  TicketTypeName,
  ServiceName,
  SlaName,
  UserLogin,
  RoleName,
  EmailTemplateName,
  DynamicFieldKey,
  WebServiceName,
  InvokerName,
  ScriptName,
  ScriptParams,
} from './register.js'
