import { Injectable } from '@nestjs/common';
import type { JobHandler } from '@rightsdesk/queue';
import { OutboxService } from '@rightsdesk/workflow';

@Injectable()
export class RecoverOutboxProcessor implements JobHandler<'recover-outbox'> {
  readonly jobName = 'recover-outbox';

  constructor(private readonly outbox: OutboxService) {}

  async handle(): Promise<void> {
    await this.outbox.recoverStale();
  }
}
