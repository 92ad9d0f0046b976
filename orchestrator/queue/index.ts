export type { ExtractionJob, ExtractionJobResult } from './extraction-job.js';
export {
  ExtractionJobResultSchema,
  ExtractionJobSchema,
  JOB_NAME,
  JOB_OPTIONS,
  jobIdFor,
} from './extraction-job.js';
export type { ExtractionWorker, ExtractionWorkerOptions } from './extraction-worker.js';
export { startExtractionWorker } from './extraction-worker.js';
export type { TrackerDeps } from './job-tracker.js';
export { jobFailed, waitForJobs } from './job-tracker.js';
export type { JobProcessorDeps } from './process-extraction-job.js';
export { checkAgents, createJobProcessor, parseJob } from './process-extraction-job.js';
export type { QueueTarget } from './queue-connection.js';
export {
  assertSharedStore,
  checkQueueReachable,
  listenerOptions,
  parseQueueUrl,
  producerOptions,
  QUEUE_NAME,
  queuePrefix,
} from './queue-connection.js';
export type { QueueExtractionOptions } from './queue-extraction.js';
export { queueExtraction } from './queue-extraction.js';
