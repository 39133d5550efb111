import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { type Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { JOB_DEFINITIONS, JOB_NAMES, QUEUE_NAMES, type JobData, type JobName } from './job-catalogue';
import { REDIS_CONNECTION } from './redis.tokens';
import { ShutdownSignal } from './shutdown-signal';

export interface JobHandler<N extends JobName = JobName> {
  readonly jobName: N;
  /** Throw to let BullMQ retry with the job's backoff; return to complete. */
  handle(data: JobData<N>, context: { jobId: string; attempt: number }): Promise<void>;
}

export const JOB_HANDLERS = 'rightsdesk:job-handlers';

/** Refuses to start with a job name that has no handler, or more than one. */
export function checkHandlers(handlers: ReadonlyArray<{ jobName: string }>): Map<JobName, JobHandler> {
  const problems: string[] = [];
  const byName = new Map<JobName, JobHandler>();
  for (const name of JOB_NAMES) {
    const matching = handlers.filter((handler) => handler.jobName === name);
    if (matching.length !== 1) {
      problems.push(`job "${name}" has ${matching.length} handlers, expected exactly 1`);
    } else {
      byName.set(name, matching[0] as JobHandler);
    }
  }
  for (const handler of handlers) {
    if (!(JOB_NAMES as string[]).includes(handler.jobName)) {
      problems.push(`handler for unknown job "${handler.jobName}"`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`Job handler check failed:\n  - ${problems.join('\n  - ')}`);
  }
  return byName;
}

// One BullMQ worker per queue, dispatching by job name. Started after every module is ready
// (migrations ran), closed on shutdown so in-flight jobs finish or return to the queue.
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(JobRunner.name);
  private readonly handlers: Map<JobName, JobHandler>;
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(JOB_HANDLERS) handlers: JobHandler[],
    @Inject(REDIS_CONNECTION) private readonly connection: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly shutdown: ShutdownSignal,
  ) {
    this.handlers = checkHandlers(handlers);
  }

  onApplicationBootstrap(): void {
    for (const queue of QUEUE_NAMES) {
      this.startQueue(queue, this.config.worker.concurrency);
    }
  }

  /** Starts consuming one more queue (a data map system's), with its own concurrency. */
  startQueue(queue: string, concurrency: number): void {
    this.workers.push(this.startWorker(queue, concurrency));
  }

  private startWorker(queue: string, concurrency: number): Worker {
    const worker = new Worker(queue, (job: Job) => this.dispatch(job), {
      connection: this.connection,
      prefix: this.config.redis.queuePrefix,
      concurrency,
    });
    worker.on('failed', (job, error) => {
      // Job data holds ids only, so logging the job is safe; the error message may quote an SMTP
      // reply, so only its class and code are logged.
      this.logger.warn(
        { queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, error: errorSummary(error) },
        'job failed',
      );
    });
    worker.on('error', (error) => this.logger.error({ queue, error: errorSummary(error) }, 'worker error'));
    return worker;
  }

  private async dispatch(job: Job): Promise<void> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler || JOB_DEFINITIONS[job.name as JobName] === undefined) {
      throw new Error(`no handler for job ${job.name}`);
    }
    await handler.handle(job.data as never, { jobId: job.id ?? '', attempt: job.attemptsMade + 1 });
  }

  async onModuleDestroy(): Promise<void> {
    // Long jobs stop at their next step when they see this; close() then waits for them.
    this.shutdown.request();
    await Promise.all(this.workers.map((worker) => worker.close()));
  }
}

export function errorSummary(error: unknown): { name: string; code?: string } {
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    return { name: error.name, code: typeof code === 'string' ? code : undefined };
  }
  return { name: typeof error };
}
