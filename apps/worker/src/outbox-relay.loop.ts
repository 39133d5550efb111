import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { errorSummary } from '@rightsdesk/queue';
import { OutboxService } from '@rightsdesk/workflow';

const MAX_BACKOFF_MS = 30_000;

// Polls the outbox for committed messages and queues them, in every worker process at once (rows
// are taken with SKIP LOCKED). A loop, not a scheduled job: it runs several times a second, which
// is more often than a job scheduler should fire, and it stops with the process.
@Injectable()
export class OutboxRelayLoop implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelayLoop.name);
  private running = false;
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;

  constructor(
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let delay = this.config.worker.outboxPollIntervalMs;
      try {
        const relayed = await this.outbox.relay();
        failures = 0;
        // A full batch means more are waiting: go again at once.
        delay = relayed >= 500 ? 0 : delay;
      } catch (error) {
        failures += 1;
        delay = Math.min(MAX_BACKOFF_MS, delay * 2 ** failures);
        this.logger.warn({ error: errorSummary(error), retryInMs: delay }, 'outbox relay failed');
      }
      await this.sleep(delay);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
