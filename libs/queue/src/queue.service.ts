import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { FlowProducer, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import {
  JOB_DEFINITIONS,
  QUEUE_NAMES,
  systemQueueName,
  type JobItem,
  type JobName,
  type JobOf,
  type QueueName,
} from './job-catalogue';
import { REDIS_CONNECTION } from './redis.tokens';

export interface EnqueueOptions {
  /** Idempotency: BullMQ ignores an add whose jobId already exists in the queue. */
  jobId?: string;
  delayMs?: number;
}

// The only way to put a job on a queue: typed by the job catalogue, options from its definition.
@Injectable()
export class QueueService implements OnModuleDestroy {
  private readonly queues: Map<string, Queue>;
  private flows: FlowProducer | undefined;

  constructor(
    @Inject(REDIS_CONNECTION) private readonly connection: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.queues = new Map(
      QUEUE_NAMES.map((name) => [name, new Queue(name, { connection, prefix: config.redis.queuePrefix })]),
    );
  }

  queue(name: QueueName): Queue {
    const queue = this.queues.get(name);
    if (!queue) {
      throw new Error(`unknown queue ${name}`);
    }
    return queue;
  }

  /** The queue of one data map system, created on first use. */
  systemQueue(systemKey: string): Queue {
    const name = systemQueueName(systemKey);
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: this.connection, prefix: this.config.redis.queuePrefix });
      this.queues.set(name, queue);
    }
    return queue;
  }

  private queueFor(item: JobItem): Queue {
    const definition = JOB_DEFINITIONS[item.name];
    if (definition.queue === 'per-system') {
      return this.systemQueue((item as JobOf<'execute-system'>).data.systemKey);
    }
    return this.queue(definition.queue);
  }

  /**
   * One request's execution as a BullMQ flow: a child job per system on that system's queue and a
   * parent that finalizes once every child has finished. Job ids derive from request, system and
   * run, so adding the same flow twice never runs a system twice.
   */
  async addExecutionFlow(requestId: string, run: number, systemKeys: string[]): Promise<void> {
    this.flows ??= new FlowProducer({ connection: this.connection, prefix: this.config.redis.queuePrefix });
    const finalize: JobOf<'finalize-request'> = { name: 'finalize-request', data: { requestId, run } };
    await this.flows.add({
      name: finalize.name,
      queueName: JOB_DEFINITIONS[finalize.name].queue,
      data: finalize.data,
      opts: { ...JOB_DEFINITIONS[finalize.name].options, jobId: executionJobId('finalize-request', requestId, run) },
      children: systemKeys.map((systemKey) => {
        const child: JobOf<'execute-system'> = { name: 'execute-system', data: { requestId, systemKey, run } };
        return {
          name: child.name,
          queueName: systemQueueName(systemKey),
          data: child.data,
          opts: {
            ...JOB_DEFINITIONS[child.name].options,
            attempts: this.config.execution.attempts,
            backoff: { type: 'exponential', delay: this.config.execution.backoffMs },
            jobId: executionJobId('execute-system', requestId, run, systemKey),
          },
        };
      }),
    });
  }

  /** The state of a job by id, or null when Redis does not know it (never added, removed, or lost). */
  async jobState(item: JobItem, jobId: string): Promise<string | null> {
    const job = await this.queueFor(item).getJob(jobId);
    return job ? job.getState() : null;
  }

  async enqueue(item: JobItem, options: EnqueueOptions = {}): Promise<void> {
    const definition = JOB_DEFINITIONS[item.name];
    await this.queueFor(item).add(item.name, item.data, {
      ...definition.options,
      jobId: options.jobId,
      delay: options.delayMs,
    });
  }

  async enqueueBulk(items: Array<{ item: JobItem; jobId?: string }>): Promise<void> {
    const byQueue = new Map<Queue, Parameters<Queue['addBulk']>[0]>();
    for (const { item, jobId } of items) {
      const queue = this.queueFor(item);
      const list = byQueue.get(queue) ?? [];
      list.push({ name: item.name, data: item.data, opts: { ...JOB_DEFINITIONS[item.name].options, jobId } });
      byQueue.set(queue, list);
    }
    await Promise.all([...byQueue].map(([queue, jobs]) => queue.addBulk(jobs)));
  }

  /**
   * Makes sure a job with this id will run: adds it when Redis has no such job (never enqueued,
   * or lost in a Redis restart), retries it when it exhausted its attempts, else leaves it.
   */
  async ensure(item: JobItem, jobId: string): Promise<'added' | 'retried' | 'present'> {
    const job = await this.queueFor(item).getJob(jobId);
    if (!job) {
      await this.enqueue(item, { jobId });
      return 'added';
    }
    const state = await job.getState();
    if (state === 'failed') {
      await job.retry('failed');
      return 'retried';
    }
    if (state === 'completed') {
      // Completed but the database still says pending: the job decided to skip (e.g. lost claim);
      // replace it so the message is tried again.
      await job.remove();
      await this.enqueue(item, { jobId });
      return 'added';
    }
    return 'present';
  }

  async schedule(schedulerId: string, every: { everyMs?: number; pattern?: string; tz?: string }, item: JobItem): Promise<void> {
    const definition = JOB_DEFINITIONS[item.name];
    await this.queueFor(item).upsertJobScheduler(
      schedulerId,
      every.pattern ? { pattern: every.pattern, tz: every.tz } : { every: every.everyMs },
      { name: item.name, data: item.data, opts: definition.options },
    );
  }

  /** The job schedulers on a queue, with when each fires next (ms since the epoch). */
  async schedulers(name: QueueName): Promise<Array<{ id: string; next: number | null }>> {
    const schedulers = await this.queue(name).getJobSchedulers(0, -1, true);
    return schedulers.map((scheduler) => ({ id: scheduler.key, next: scheduler.next ?? null }));
  }

  async unschedule(name: QueueName, schedulerId: string): Promise<void> {
    await this.queue(name).removeJobScheduler(schedulerId);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    await this.flows?.close();
  }
}

/** Deterministic ids for execution jobs: the same request, run and system always map to one job. */
export function executionJobId(
  name: 'start-execution' | 'finalize-request' | 'execute-system',
  requestId: string,
  run = 0,
  systemKey = '',
): string {
  // BullMQ reserves ':' in job ids for its own keys; '.' is safe.
  return [name, requestId, run, systemKey].filter((part) => part !== '').join('.');
}

export type { JobName };

/**
 * The job that works a retention run. `progress` (batches and resumes so far) gives a run found
 * orphaned a new job, instead of waiting for BullMQ to notice that the dead worker's job stalled.
 */
export function retentionRunJobId(runId: string, progress?: { batches: number; resumes: number }): string {
  return progress ? `retention-run.${runId}.${progress.batches}.${progress.resumes}` : `retention-run.${runId}`;
}

/** The job scheduler of one retention rule; every worker upserts the same id, so it fires once. */
export const RETENTION_SCHEDULER_PREFIX = 'retention.';

export function retentionSchedulerId(ruleId: string): string {
  return `${RETENTION_SCHEDULER_PREFIX}${ruleId}`;
}
