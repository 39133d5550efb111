import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@rightsdesk/config';
import { QueueService, RETENTION_SCHEDULER_PREFIX, retentionSchedulerId } from '@rightsdesk/queue';
import { RetentionRules } from '@rightsdesk/workflow';

// Job schedulers live in Redis and are upserted by id, so any number of workers can declare
// them at start-up and each run still happens once.
@Injectable()
export class Schedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(Schedules.name);

  constructor(
    private readonly queue: QueueService,
    private readonly retention: RetentionRules,
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
    // Retention's rightsdesk.access_packages rule deletes expired packages now, with a run record;
    // the hourly job it replaces keeps its handler for jobs still waiting from an older worker.
    await this.queue.unschedule('maintenance', 'expire-access-packages');
    // DIGEST_CRON is read in DIGEST_TIMEZONE, so "0 7 * * *" means seven in the team's morning.
    await this.queue.schedule(
      'send-officer-digest',
      { pattern: this.config.console.digestCron, tz: this.config.console.digestTimezone },
      { name: 'send-officer-digest', data: {} },
    );
    await this.scheduleRetention();
    if (this.config.drp.businessId !== null) {
      await this.queue.schedule('drp-status-callbacks', { everyMs: this.config.drp.callbackIntervalSeconds * 1000 }, { name: 'drp-status-callbacks', data: {} });
    } else {
      await this.queue.unschedule('maintenance', 'drp-status-callbacks');
    }
  }

  /**
   * One scheduler per retention rule, in the rule's own time zone; a rule that left the data map
   * loses its scheduler (its past runs stay on record).
   */
  private async scheduleRetention(): Promise<void> {
    await this.queue.schedule(
      'retention-reconcile',
      { everyMs: this.config.execution.reconcileIntervalSeconds * 1000 },
      { name: 'retention-reconcile', data: {} },
    );
    const wanted = new Set<string>();
    for (const task of this.retention.all()) {
      const id = retentionSchedulerId(task.id);
      wanted.add(id);
      await this.queue.schedule(id, { pattern: task.schedule.cron, tz: task.schedule.timezone }, { name: 'retention-rule', data: { ruleId: task.id } });
    }
    for (const scheduler of await this.queue.schedulers('retention')) {
      if (scheduler.id.startsWith(RETENTION_SCHEDULER_PREFIX) && !wanted.has(scheduler.id)) {
        await this.queue.unschedule('retention', scheduler.id);
        this.logger.log({ scheduler: scheduler.id }, 'retention rule no longer configured: unscheduled');
      }
    }
  }
}
