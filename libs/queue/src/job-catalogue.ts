import type { JobsOptions } from 'bullmq';

// Queue and job names are stored in Redis with every waiting job: they are literals that must
// never be derived from class names or renamed without a migration of the waiting jobs.
// `retention` runs can take minutes; a queue of their own keeps them from holding up maintenance.
export const QUEUE_NAMES = ['email', 'maintenance', 'execution', 'retention'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/**
 * Each system of the data map gets a queue of its own, with its own concurrency limit, so one
 * slow store cannot starve the rest. The name derives from the system key, which the data map
 * keeps stable (renaming a system strands its waiting jobs, as renaming any queue would).
 */
export function systemQueueName(systemKey: string): string {
  return `system-${systemKey}`;
}

type NoData = Record<string, never>;

export type JobItem =
  | { name: 'send-email'; data: { outboxId: string } }
  | { name: 'recover-outbox'; data: NoData }
  | { name: 'expire-unverified-requests'; data: NoData }
  | { name: 'start-execution'; data: { requestId: string } }
  | { name: 'execute-system'; data: { requestId: string; systemKey: string; run: number } }
  | { name: 'finalize-request'; data: { requestId: string; run: number } }
  | { name: 'reconcile-executions'; data: NoData }
  | { name: 'expire-access-packages'; data: NoData }
  | { name: 'send-officer-digest'; data: NoData }
  | { name: 'retention-rule'; data: { ruleId: string } }
  | { name: 'retention-run'; data: { runId: string } }
  | { name: 'retention-reconcile'; data: NoData }
  | { name: 'drp-status-callbacks'; data: NoData };

export type JobName = JobItem['name'];
export type JobOf<N extends JobName> = Extract<JobItem, { name: N }>;
export type JobData<N extends JobName> = JobOf<N>['data'];

interface JobDefinition {
  /** `per-system`: the queue of the system named in the job (see systemQueueName). */
  queue: QueueName | 'per-system';
  options: JobsOptions;
}

const MAINTENANCE_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: { age: 24 * 3600, count: 100 },
  removeOnFail: { age: 7 * 24 * 3600, count: 1_000 },
};

const HOUR = 3600;
const DAY = 24 * HOUR;

/** The first wait before a failed retention job runs again; it doubles with each attempt. */
export const RETENTION_RETRY_DELAY_MS = 60_000;

const RETENTION_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: RETENTION_RETRY_DELAY_MS },
  removeOnComplete: { age: DAY, count: 1_000 },
  removeOnFail: { age: 30 * DAY, count: 1_000 },
};

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
  'expire-unverified-requests': { queue: 'maintenance', options: MAINTENANCE_OPTIONS },
  'start-execution': {
    queue: 'execution',
    options: {
      attempts: 8,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: { age: DAY, count: 10_000 },
      removeOnFail: { age: 30 * DAY, count: 10_000 },
    },
  },
  'execute-system': {
    queue: 'per-system',
    // Attempts and backoff come from the config (EXECUTION_ATTEMPTS, EXECUTION_BACKOFF_MS; by
    // default 6 from 10 s doubling ≈ 5 minutes of a store being down before the system is marked
    // failed; an officer can retry it then). The parent runs when every child has finished,
    // succeeded or not, and reads the outcome from the database.
    options: {
      attempts: 6,
      backoff: { type: 'exponential', delay: 10_000 },
      ignoreDependencyOnFailure: true,
      removeOnComplete: { age: 7 * DAY, count: 10_000 },
      removeOnFail: { age: 30 * DAY, count: 10_000 },
    },
  },
  'finalize-request': {
    queue: 'execution',
    options: {
      attempts: 8,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: { age: 7 * DAY, count: 10_000 },
      removeOnFail: { age: 30 * DAY, count: 10_000 },
    },
  },
  'reconcile-executions': {
    queue: 'maintenance',
    options: { attempts: 1, removeOnComplete: { age: HOUR, count: 100 }, removeOnFail: { age: DAY, count: 1_000 } },
  },
  'expire-access-packages': { queue: 'maintenance', options: MAINTENANCE_OPTIONS },
  // Retrying is safe: each officer's digest of the day has a fixed outbox id.
  'send-officer-digest': { queue: 'maintenance', options: MAINTENANCE_OPTIONS },
  // A rule's scheduled tick: starts (or finds) the rule's run and works it. A failed batch is
  // retried from the run's saved cursor; after RETENTION_MAX_ERRORS the run is marked failed.
  'retention-rule': { queue: 'retention', options: { ...RETENTION_OPTIONS, removeOnComplete: { age: 7 * DAY, count: 1_000 } } },
  // Works one run: an officer started or resumed it, or the reconciler found it orphaned.
  'retention-run': { queue: 'retention', options: RETENTION_OPTIONS },
  'retention-reconcile': {
    queue: 'maintenance',
    options: { attempts: 1, removeOnComplete: { age: HOUR, count: 100 }, removeOnFail: { age: DAY, count: 1_000 } },
  },
  // Each tick sweeps; a failed delivery's retry is kept per request in the database, not here.
  'drp-status-callbacks': {
    queue: 'maintenance',
    options: { attempts: 1, removeOnComplete: { age: HOUR, count: 100 }, removeOnFail: { age: DAY, count: 1_000 } },
  },
};

export const JOB_NAMES = Object.keys(JOB_DEFINITIONS) as JobName[];
