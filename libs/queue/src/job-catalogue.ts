import type { JobsOptions } from 'bullmq';

// Queue and job names are stored in Redis with every waiting job: they are literals that must
// never be derived from class names or renamed without a migration of the waiting jobs.
export const QUEUE_NAMES = ['email', 'maintenance'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

type NoData = Record<string, never>;

export type JobItem =
  | { name: 'send-email'; data: { outboxId: string } }
  | { name: 'recover-outbox'; data: NoData }
  | { name: 'expire-unverified-requests'; data: NoData };

export type JobName = JobItem['name'];
export type JobOf<N extends JobName> = Extract<JobItem, { name: N }>;
export type JobData<N extends JobName> = JobOf<N>['data'];

interface JobDefinition {
  queue: QueueName;
  options: JobsOptions;
}

const HOUR = 3600;
const DAY = 24 * HOUR;

// Every job name with its queue and default options. A `Record` over the union makes a new job
// without a definition a type error.
export const JOB_DEFINITIONS: Record<JobName, JobDefinition> = {
  'send-email': {
    queue: 'email',
    // 10 attempts from 5 s doubling ≈ 85 minutes of SMTP outage; after that `recover-outbox`
    // retries the failed jobs of messages still pending, so a longer outage loses nothing either.
    options: {
      attempts: 10,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: { age: DAY, count: 10_000 },
      removeOnFail: { age: 7 * DAY, count: 10_000 },
    },
  },
  'recover-outbox': {
    queue: 'maintenance',
    options: { attempts: 1, removeOnComplete: { age: HOUR, count: 100 }, removeOnFail: { age: DAY, count: 1_000 } },
  },
  'expire-unverified-requests': {
    queue: 'maintenance',
    options: {
      attempts: 3,
      backoff: { type: 'exponential', delay: 30_000 },
      removeOnComplete: { age: DAY, count: 100 },
      removeOnFail: { age: 7 * DAY, count: 1_000 },
    },
  },
};

export const JOB_NAMES = Object.keys(JOB_DEFINITIONS) as JobName[];
