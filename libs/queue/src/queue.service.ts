import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { JOB_DEFINITIONS, QUEUE_NAMES, type JobItem, type JobName, type QueueName } from './job-catalogue';
import { REDIS_CONNECTION } from './redis.tokens';

export interface EnqueueOptions {
  /** Idempotency: BullMQ ignores an add whose jobId already exists in the queue. */
  jobId?: string;
  delayMs?: number;
}

// The only way to put a job on a queue: typed by the job catalogue, options from its definition.
@Injectable()
export class QueueService implements OnModuleDestroy {
  private readonly queues: Map<QueueName, Queue>;

  constructor(
    @Inject(REDIS_CONNECTION) connection: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
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

  async enqueue(item: JobItem, options: EnqueueOptions = {}): Promise<void> {
    const definition = JOB_DEFINITIONS[item.name];
    await this.queue(definition.queue).add(item.name, item.data, {
      ...definition.options,
      jobId: options.jobId,
      delay: options.delayMs,
    });
  }

  async enqueueBulk(items: Array<{ item: JobItem; jobId?: string }>): Promise<void> {
    const byQueue = new Map<QueueName, Parameters<Queue['addBulk']>[0]>();
    for (const { item, jobId } of items) {
      const definition = JOB_DEFINITIONS[item.name];
      const list = byQueue.get(definition.queue) ?? [];
      list.push({ name: item.name, data: item.data, opts: { ...definition.options, jobId } });
      byQueue.set(definition.queue, list);
    }
    await Promise.all([...byQueue].map(([queue, jobs]) => this.queue(queue).addBulk(jobs)));
  }

  /**
   * Makes sure a job with this id will run: adds it when Redis has no such job (never enqueued,
   * or lost in a Redis restart), retries it when it exhausted its attempts, else leaves it.
   */
  async ensure(item: JobItem, jobId: string): Promise<'added' | 'retried' | 'present'> {
    const queue = this.queue(JOB_DEFINITIONS[item.name].queue);
    const job = await queue.getJob(jobId);
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
    await this.queue(definition.queue).upsertJobScheduler(
      schedulerId,
      every.pattern ? { pattern: every.pattern, tz: every.tz } : { every: every.everyMs },
      { name: item.name, data: item.data, opts: definition.options },
    );
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }
}

export type { JobName };
