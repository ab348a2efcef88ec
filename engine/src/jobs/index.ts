export { createJobWorker, type JobWorker, type JobWorkerOptions } from './job-worker.js'
export { JOB_KINDS, emailJobSchema, serviceJobSchema, ticketCreatedJobSchema, type EmailJob, type ServiceJob, type TicketCreatedJob } from './job-payloads.js'
