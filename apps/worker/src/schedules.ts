import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { QueueService } from '@rightsdesk/queue';

// Job schedulers live in Redis and are upserted by id, so any number of workers can declare
// them at start-up and each run still happens once.
@Injectable()
export class Schedules implements OnApplicationBootstrap {
  constructor(
    private readonly queue: QueueService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.schedule(
      'recover-outbox',
      { everyMs: (this.config.worker.outboxRecoverAfterSeconds * 1000) / 2 },
      { name: 'recover-outbox', data: {} },
    );
    await this.queue.schedule('expire-unverified-requests', { pattern: '*/15 * * * *', tz: 'UTC' }, { name: 'expire-unverified-requests', data: {} });
    await this.queue.schedule(
      'reconcile-executions',
      { everyMs: this.config.execution.reconcileIntervalSeconds * 1000 },
      { name: 'reconcile-executions', data: {} },
    );
    await this.queue.schedule('expire-access-packages', { pattern: '7 * * * *', tz: 'UTC' }, { name: 'expire-access-packages', data: {} });
    // DIGEST_CRON is read in DIGEST_TIMEZONE, so "0 7 * * *" means seven in the team's morning.
    await this.queue.schedule(
      'send-officer-digest',
      { pattern: this.config.console.digestCron, tz: this.config.console.digestTimezone },
      { name: 'send-officer-digest', data: {} },
    );
  }
}
